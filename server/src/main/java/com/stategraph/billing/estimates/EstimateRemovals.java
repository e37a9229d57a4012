package com.stategraph.billing.estimates;

import com.stategraph.billing.states.StateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A removed state's estimate ends with its removal, in the same transaction. */
@Component
class EstimateRemovals {
    private final EstimateCalculator calculator;

    EstimateRemovals(EstimateCalculator calculator) {
        this.calculator = calculator;
    }

    @EventListener
    void stateChanged(StateChanged changed) {
        if (changed.removed()) {
            calculator.removed(changed.state());
        }
    }
}
