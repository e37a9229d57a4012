package com.stategraph.billing.auth;

import com.stategraph.billing.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant admin's invitation and how a person takes it up. The invitation creates no account and
 * takes no password: its single-use token goes to the invitee's mailbox, and only whoever reads that
 * mailbox sets the password of a new account. An account that already exists joins only when the
 * person accepts while signed in, so nobody can make an account that another tenant later trusts.
 */
@Service
public class Invitations {
    public static final Duration VALID_FOR = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final UserRepository users;
    private final InvitationMail mail;
    private final Passwords passwords;
    private final Clock clock;

    Invitations(InvitationRepository invitations, UserRepository users, InvitationMail mail, Passwords passwords, Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.mail = mail;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** What an invitation came to: the invitation, and whether its link was mailed to the invitee. */
    public record Sent(InvitationRepository.Invited invited, boolean mailed) {
    }

    /** Invites the email (or renews its open invitation) and mails the link when the server can send mail. */
    @Transactional
    public Sent invite(UUID tenantId, String tenantName, String email, Role role, String invitedName, String invitedBy) {
        String token = newToken();
        Instant now = clock.instant();
        InvitationRepository.Invited invited = invitations.invite(tenantId, email, role, invitedName, invitedBy, hash(token), now,
                now.plus(VALID_FOR));
        return new Sent(invited, mail.send(email, tenantName, invitedBy, role, token, invited.expiresAt()));
    }

    /** A link the instance admin hands on where the server sends no mail; the previous link stops working. */
    @Transactional
    public Optional<Link> newLink(UUID tenantId, UUID invitationId) {
        String token = newToken();
        return invitations.renewToken(tenantId, invitationId, hash(token), clock.instant().plus(VALID_FOR))
                .map(i -> new Link(mail.url(token), i.expiresAt()));
    }

    public record Link(String url, Instant expiresAt) {
    }

    /** The open invitation a link stands for, and whether its email already has an account with a password. */
    public record Opened(InvitationRepository.Invitation invitation, boolean accountWithPassword) {
    }

    public Optional<Opened> open(String token) {
        return invitations.byToken(hash(token), clock.instant()).map(i -> new Opened(i,
                users.findByEmail(i.email()).map(u -> u.passwordHash() != null).orElse(false)));
    }

    /**
     * The invitee, holding the link, sets their own password: a new account (or one that has none,
     * such as an account whose password a tenant admin once chose) and joins the tenant.
     *
     * @return the tenant joined, or empty when the link is not open
     * @throws InvalidInputException when the password is not acceptable, or the account has one already
     */
    @Transactional
    public Optional<InvitationRepository.Invitation> join(String token, String name, String password) {
        Optional<InvitationRepository.Invitation> open = invitations.byToken(hash(token), clock.instant());
        if (open.isEmpty()) {
            return open;
        }
        InvitationRepository.Invitation invitation = open.get();
        String passwordHash = passwords.hash(password);
        Optional<UserRepository.User> existing = users.findByEmail(invitation.email());
        if (existing.isPresent() && existing.get().passwordHash() != null) {
            throw new InvalidInputException("ACCOUNT_EXISTS", invitation.email() + " already has an account: sign in to accept");
        }
        UUID userId = existing.map(u -> {
            users.setPassword(u.id(), passwordHash);
            return u.id();
        }).orElseGet(() -> users.insert(invitation.email(), displayName(name, invitation.invitedName()), passwordHash, false));
        return invitations.take(invitation.id(), invitation.email(), clock.instant()).map(taken -> {
            users.addMember(taken.tenantId(), userId, taken.role());
            return taken;
        });
    }

    /** The open invitations addressed to a signed-in account's email. */
    public java.util.List<InvitationRepository.Invitation> openFor(String email) {
        return email == null ? java.util.List.of() : invitations.openFor(email, clock.instant());
    }

    public boolean decline(String email, UUID invitationId) {
        return email != null && invitations.decline(invitationId, email);
    }

    /** A signed-in account accepts an open invitation addressed to its own email. @return the tenant joined */
    @Transactional
    public Optional<UUID> accept(UUID userId, String email, UUID invitationId) {
        if (email == null) {
            return Optional.empty();
        }
        return invitations.take(invitationId, email, clock.instant()).map(taken -> {
            users.addMember(taken.tenantId(), userId, taken.role());
            return taken.tenantId();
        });
    }

    private static String displayName(String chosen, String invitedName) {
        String name = chosen == null ? "" : chosen.strip();
        if (name.length() > 200) {
            throw new InvalidInputException("INVALID_NAME", "name is at most 200 characters");
        }
        return name.isEmpty() ? invitedName : name;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
