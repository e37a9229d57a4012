package com.stategraph.billing.domain;

/** The thing asked for does not exist, or is not the caller's to see. */
public class NotFoundException extends DomainException {
    public NotFoundException(String detail) {
        super("NOT_FOUND", detail);
    }
}
