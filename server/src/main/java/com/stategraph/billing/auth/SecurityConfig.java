package com.stategraph.billing.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeyRepository keys, JsonAuthenticationEntryPoint entryPoint,
                                 com.stategraph.billing.metrics.ManagementPort management) throws Exception {
        // Bearer keys only: no cookies, so no CSRF exposure on these routes.
        http.securityMatcher("/api/**", "/actuator/**", "/error")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                                "/api/openapi.json", "/error")
                        .permitAll()
                        // Metrics name every tenant and source: the management port, or the instance admin's key.
                        .requestMatchers("/actuator/**").access((authentication, context) -> new AuthorizationDecision(
                                management.serves(context.getRequest())
                                        || authentication.get() != null && authentication.get().getPrincipal() instanceof Caller c && c.isAdmin()))
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, entryPoint), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The console: local users sign in with email and password, and (when configured) everyone through the
     * OpenID Connect provider; a session cookie kept in the database, CSRF tokens on every form. Password
     * sign-ins are rate limited per account and per address.
     */
    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, OidcSignIn oidc, SignInThrottle throttle) throws Exception {
        // Nothing is written for an anonymous visitor: the sign-in form's CSRF token lives in a cookie, not a
        // session, and no request is saved for after sign-in (which always lands on /console). A session
        // row exists only once somebody has signed in.
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/invitations/*", "/webjars/**", "/console.css", "/console.js", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:;"
                                + " style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none';"
                                // Signing out posts a form that redirects to the provider's end-session endpoint.
                                + " form-action 'self'" + (oidc.enabled() ? " " + oidc.issuerOrigin() : "") + ";"
                                + " base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (oidc.localLogin()) {
            http.formLogin(f -> f.loginPage("/login").usernameParameter("email").permitAll()
                            .successHandler((request, response, authentication) -> {
                                throttle.succeeded(authentication.getName());
                                response.sendRedirect(request.getContextPath() + "/console");
                            })
                            .failureHandler((request, response, exception) -> {
                                throttle.failed(request.getParameter("email"), request.getRemoteAddr());
                                response.sendRedirect(request.getContextPath() + "/login?error");
                            }))
                    .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        }
        SimpleUrlLogoutSuccessHandler signedOut = new SimpleUrlLogoutSuccessHandler();
        signedOut.setDefaultTargetUrl("/login?logout");
        if (oidc.enabled()) {
            ClientRegistrationRepository registrations = oidc.registrations();
            http.oauth2Login(o -> o.loginPage("/login").clientRegistrationRepository(registrations)
                    .userInfoEndpoint(u -> u.oidcUserService(oidc.userService()))
                    .defaultSuccessUrl("/console", true)
                    .failureHandler((request, response, refused) ->
                            response.sendRedirect(request.getContextPath() + OidcSignIn.failureUrl(refused))));
            // Signing out of the console also ends the session at the provider, when it offers that.
            OidcClientInitiatedLogoutSuccessHandler atProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            atProvider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            atProvider.setDefaultTargetUrl("/login?logout");
            http.logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(atProvider));
        } else {
            http.logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(signedOut));
        }
        return http.build();
    }
}
