package com.stategraph.billing.domain;

/**
 * A refusal the caller can act on, said without HTTP: a stable code and a sentence saying what is
 * wrong. The API and the console each map the kinds to their own answers.
 */
public abstract class DomainException extends RuntimeException {
    private final String code;

    protected DomainException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
