package com.stategraph.billing.api;

import org.springframework.http.HttpStatus;

/** A refusal the client can act on: an HTTP status, a stable code and a sentence saying what is wrong. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "CONFLICT", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
