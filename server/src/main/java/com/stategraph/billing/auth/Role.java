package com.stategraph.billing.auth;

import java.util.Locale;

public enum Role {
    ADMIN, MEMBER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role, or null when the text names none */
    public static Role parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "admin" -> ADMIN;
            case "member" -> MEMBER;
            default -> null;
        };
    }
}
