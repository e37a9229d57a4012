package com.stategraph.billing.pricing;

/** Published after a new price book was committed: every estimate priced from the old one is out of date. */
public record PriceBookLoaded(PriceBook book) {
}
