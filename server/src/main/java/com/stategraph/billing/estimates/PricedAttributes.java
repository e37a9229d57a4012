package com.stategraph.billing.estimates;

import com.stategraph.billing.states.AttributesRead;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Tells the state reader which attributes pricing reads, so that nothing else of a state is kept. */
@Component
class PricedAttributes implements AttributesRead {
    @Override
    public Set<String> of(String type) {
        return PricedTypes.attributesRead(type);
    }
}
