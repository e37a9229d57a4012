package com.stategraph.billing.domain;

/** What the caller sent is larger than this server accepts. */
public class TooLargeException extends DomainException {
    public TooLargeException(String code, String detail) {
        super(code, detail);
    }
}
