package com.stategraph.billing.domain;

/** The request clashes with what already exists. */
public class ConflictException extends DomainException {
    public ConflictException(String detail) {
        super("CONFLICT", detail);
    }

    public ConflictException(String code, String detail) {
        super(code, detail);
    }
}
