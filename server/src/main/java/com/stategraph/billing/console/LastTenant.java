package com.stategraph.billing.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Remembers, in a cookie of this browser, the tenant whose console page was last shown, so signing in
 * again opens it rather than the first tenant. The cookie names a tenant id only; the console still
 * checks membership before showing anything, so a stale or forged one just falls back.
 */
@Configuration
public class LastTenant implements HandlerInterceptor, WebMvcConfigurer {
    static final String COOKIE = "stategraph_tenant";
    private static final Pattern TENANT_PAGE = Pattern.compile("^/console/t/([0-9a-fA-F-]{36})/[a-z]+$");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console/t/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        Matcher page = TENANT_PAGE.matcher(request.getRequestURI());
        if (page.matches() && "GET".equals(request.getMethod()) && response.getStatus() < 300) {
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, page.group(1).toLowerCase()).path("/").httpOnly(true)
                    .secure(request.isSecure()).sameSite("Lax").maxAge(java.time.Duration.ofDays(365)).build().toString());
        }
    }

    /** The tenant the cookie names, if it is a tenant id. */
    static Optional<UUID> of(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName())) {
                try {
                    return Optional.of(UUID.fromString(c.getValue()));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
