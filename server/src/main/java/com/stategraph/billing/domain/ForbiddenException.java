package com.stategraph.billing.domain;

/** The caller is known but may not do this; {@code kind} says which privilege is missing. */
public class ForbiddenException extends RuntimeException {
    private final String kind;

    public ForbiddenException(String kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public static ForbiddenException adminRequired() {
        return new ForbiddenException("admin", "admin privileges required");
    }

    public static ForbiddenException memberRequired() {
        return new ForbiddenException("member", "membership of this tenant required");
    }

    public static ForbiddenException instanceAdminRequired() {
        return new ForbiddenException("instance_admin", "instance admin privileges required");
    }

    public String kind() {
        return kind;
    }
}
