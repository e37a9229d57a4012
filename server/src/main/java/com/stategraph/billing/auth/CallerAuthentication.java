package com.stategraph.billing.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated API request; the principal is the {@link Caller}. */
public class CallerAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.isAdmin() ? "ROLE_INSTANCE_ADMIN" : "ROLE_CALLER")));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
