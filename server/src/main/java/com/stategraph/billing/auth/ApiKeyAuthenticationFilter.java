package com.stategraph.billing.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <key>}; an unknown or revoked key is answered 401 at once. */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";
    private static final java.util.regex.Pattern TENANT_PATH =
            java.util.regex.Pattern.compile("^/api/v1/tenants/([0-9a-fA-F-]{36})(?:/.*)?$");

    private final ApiKeyRepository keys;
    private final JsonAuthenticationEntryPoint entryPoint;

    public ApiKeyAuthenticationFilter(ApiKeyRepository keys, JsonAuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String key = header.substring(BEARER.length()).trim();
        java.util.Optional<Caller> caller;
        try {
            caller = keys.findCaller(key, tenantInPath(request));
        } catch (CannotGetJdbcConnectionException e) {
            entryPoint.busy(response);
            return;
        }
        if (caller.isEmpty()) {
            entryPoint.reject(response, "the API key is unknown or revoked");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The tenant a tenant-scoped path names; TenantAccess still decides, this only reads ahead. */
    private static java.util.Optional<java.util.UUID> tenantInPath(HttpServletRequest request) {
        java.util.regex.Matcher m = TENANT_PATH.matcher(request.getRequestURI());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.util.UUID.fromString(m.group(1)));
        } catch (IllegalArgumentException notAnId) {
            return java.util.Optional.empty();
        }
    }
}
