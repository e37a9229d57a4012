package com.stategraph.billing.states;

/**
 * Published in the transaction that pushed or removed a state, so what depends on the state
 * (its estimate) is brought up to date by the same commit.
 *
 * @param removed whether the state was removed (else it was pushed)
 */
public record StateChanged(TerraformState state, boolean removed) {
}
