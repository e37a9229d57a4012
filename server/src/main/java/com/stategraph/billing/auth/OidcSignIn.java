package com.stategraph.billing.auth;

import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Console sign-in through the operator's OpenID Connect provider ({@code STATEGRAPH_OIDC_ISSUER_URI},
 * {@code _CLIENT_ID}, {@code _CLIENT_SECRET}): the provider is discovered on the first sign-in (a
 * provider that is down does not stop the server), and the signed-in principal is named by email,
 * as a local user is.
 */
@Component
public class OidcSignIn {
    public static final String REGISTRATION = "oidc";
    private static final String UNVERIFIED = "email_not_verified";

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String groupsClaim;
    private final boolean localLogin;
    private final String displayName;
    private final OidcAccounts accounts;
    private volatile ClientRegistration registration;

    OidcSignIn(@Value("${stategraph.oidc.issuer-uri:}") String issuer, @Value("${stategraph.oidc.client-id:}") String clientId,
               @Value("${stategraph.oidc.client-secret:}") String clientSecret,
               @Value("${stategraph.oidc.groups-claim:groups}") String groupsClaim,
               @Value("${stategraph.oidc.local-login:true}") boolean localLogin,
               @Value("${stategraph.oidc.display-name:single sign-on}") String displayName, OidcAccounts accounts) {
        this.issuer = issuer.trim();
        this.clientId = clientId.trim();
        this.clientSecret = clientSecret;
        this.groupsClaim = groupsClaim;
        this.localLogin = localLogin;
        this.displayName = displayName;
        this.accounts = accounts;
        if (!this.issuer.isEmpty() && this.clientId.isEmpty()) {
            throw new IllegalStateException("STATEGRAPH_OIDC_ISSUER_URI is set but STATEGRAPH_OIDC_CLIENT_ID is not");
        }
    }

    public boolean enabled() {
        return !issuer.isEmpty();
    }

    /** Whether local users may sign in with a password (always, without single sign-on). */
    public boolean localLogin() {
        return localLogin || !enabled();
    }

    /** The provider's scheme, host and port, for the console's Content-Security-Policy. */
    String issuerOrigin() {
        java.net.URI uri = java.net.URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public String displayName() {
        return displayName;
    }

    ClientRegistrationRepository registrations() {
        return id -> REGISTRATION.equals(id) ? registration() : null;
    }

    private ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(issuer).registrationId(REGISTRATION)
                            .clientId(clientId).clientSecret(clientSecret).scope("openid", "profile", "email")
                            .userNameAttributeName("email").build();
                }
                known = registration;
            }
        }
        return known;
    }

    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            String email = user.getEmail();
            if (email == null || email.isBlank()) {
                throw refused("access_denied", "the identity provider gave no email for this person (scope email)");
            }
            // An account is found, and invitations are matched, by email: only an address the provider
            // vouches for may stand for one, or an identity with someone else's email would take their account.
            if (!Boolean.TRUE.equals(user.getEmailVerified())) {
                throw refused(UNVERIFIED, "the identity provider did not confirm that " + email + " is verified (email_verified), so this"
                        + " sign-in is not linked to any account; ask your administrator to have the provider verify it");
            }
            accounts.signedIn(email, user.getFullName(), groups(user.getClaims().get(groupsClaim)));
            return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_USER")), user.getIdToken(), user.getUserInfo(), "email");
        };
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String one && !one.isBlank()) {
            return List.of(one.split("[,\\s]+"));
        }
        return List.of();
    }

    private static OAuth2AuthenticationException refused(String code, String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
    }

    /** Where a refused sign-in lands: the sign-in page, saying why when the email was not verified. */
    static String failureUrl(org.springframework.security.core.AuthenticationException refused) {
        return refused instanceof OAuth2AuthenticationException o && UNVERIFIED.equals(o.getError().getErrorCode())
                ? "/login?sso-error=unverified" : "/login?sso-error";
    }
}
