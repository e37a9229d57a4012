package com.stategraph.billing.domain;

/** What the caller sent cannot be used: a missing or malformed field or parameter. */
public class InvalidInputException extends DomainException {
    public InvalidInputException(String code, String detail) {
        super(code, detail);
    }
}
