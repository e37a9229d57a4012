package com.stategraph.billing.domain;

/** What was asked needs something the operator has not set up yet; the detail says how to. */
public class UnavailableException extends DomainException {
    public UnavailableException(String code, String detail) {
        super(code, detail);
    }
}
