package com.stategraph.billing.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.Role;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.auth.UserRepository;
import com.stategraph.billing.auth.Invitations;
import com.stategraph.billing.auth.Passwords;
import com.stategraph.billing.auth.TenantRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import com.stategraph.billing.auth.InvitationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Local users who sign in to the console. The instance admin (trusted with every tenant) adds users
 * directly, with a first password for a new account. A tenant admin only invites: the invitation
 * names an email, creates no account and takes no password; its link goes to that mailbox alone (or,
 * where the server sends no mail, the instance admin hands it on). The answer is the same whether or
 * not the email has an account, and carries no user id of anybody outside the tenant.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant_id}/users")
public class UserController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_EMAIL = 254;

    private final UserRepository users;
    private final InvitationRepository invitationList;
    private final Invitations invitations;
    private final TenantRepository tenants;
    private final TenantAccess access;
    private final Passwords passwords;
    private final AuditLog audit;

    public UserController(UserRepository users, InvitationRepository invitationList, Invitations invitations, TenantRepository tenants,
                          TenantAccess access, Passwords passwords, AuditLog audit) {
        this.users = users;
        this.invitationList = invitationList;
        this.invitations = invitations;
        this.tenants = tenants;
        this.access = access;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Schema(name = "CreateUser")
    public record CreateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"admin", "member"}) String role,
                                @Schema(description = "The instance admin only: a new account's first password, 10 characters to"
                                        + " 72 bytes (an existing account keeps its own). Refused from tenant admins: the invitee"
                                        + " sets their own") String password) {
    }

    @Schema(name = "TenantUser")
    public record TenantUser(@Schema(description = "the member's user id; for an invitation, the invitation's id") UUID id,
                             String email,
                             @Schema(description = "the user's name once they are a member; the name the inviting admin"
                                     + " gave while invited") String name,
                             String role,
                             @Schema(allowableValues = {"active", "invited"}) String status,
                             @JsonProperty("created_at") Instant createdAt,
                             @Schema(nullable = true, description = "invitations: when the link stops working")
                             @JsonProperty("expires_at") Instant expiresAt,
                             @Schema(nullable = true, description = "invitations just made: whether the link was mailed to the"
                                     + " invitee; when not, the instance admin hands it on (POST .../invitations/{id}/link)")
                             @JsonProperty("invitation_sent") Boolean invitationSent) {
    }

    @Schema(name = "InvitationLink")
    public record LinkAnswer(String url, @JsonProperty("expires_at") Instant expiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Add a local user to the tenant: the instance admin adds, a tenant admin invites by email")
    public TenantUser create(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                             @RequestBody CreateRequest body) {
        access.requireAdmin(caller, tenantId);
        String email = email(body.email());
        String name = RequiredName.of(body.name());
        Role role = Role.parse(body.role());
        if (role == null) {
            throw ApiException.badRequest("INVALID_ROLE", "role must be admin or member");
        }
        if (caller.isAdmin()) {
            return addDirectly(caller, tenantId, email, name, role, body.password());
        }
        if (body.password() != null) {
            throw ApiException.badRequest("PASSWORD_NOT_ACCEPTED", "a tenant admin's invitation takes no password: the invitee"
                    + " sets their own when they open the link");
        }
        if (users.listMembers(tenantId).stream().anyMatch(m -> m.email().equalsIgnoreCase(email))) {
            throw ApiException.conflict(email + " is already a member of this tenant");
        }
        String tenantName = tenants.find(tenantId).map(TenantRepository.Tenant::name).orElseThrow();
        Invitations.Sent sent = invitations.invite(tenantId, tenantName, email, role, name, caller.name());
        audit.record(caller, tenantId, "user.invite", "invitation", sent.invited().id(), Map.of("email", email, "role", role.value()));
        return invited(sent.invited(), sent.mailed());
    }

    private TenantUser addDirectly(Caller caller, UUID tenantId, String email, String name, Role role, String password) {
        Optional<UserRepository.User> existing = users.findByEmail(email);
        UUID userId = existing.map(u -> {
            // Only the instance admin may give a password, and only to an account that has none.
            if (u.passwordHash() == null && password != null) {
                users.setPassword(u.id(), passwords.hash(password));
            }
            return u.id();
        }).orElseGet(() -> users.insert(email, name, passwords.hash(password), false));
        var member = users.addMember(tenantId, userId, role)
                .orElseThrow(() -> ApiException.conflict(email + " is already a member of this tenant"));
        audit.record(caller, tenantId, "user.add", "user", userId, Map.of("email", email, "role", role.value()));
        return new TenantUser(member.userId(), member.email(), member.name(), member.role().value(), "active", member.createdAt(),
                null, null);
    }

    @PostMapping("/invitations/{invitation_id}/link")
    @Transactional
    @Operation(summary = "A new link for an open invitation, for the instance admin to hand on where the server sends no mail;"
            + " the previous link stops working")
    public LinkAnswer link(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                           @PathVariable("invitation_id") UUID invitationId) {
        access.requireInstanceAdmin(caller);
        Invitations.Link link = invitations.newLink(tenantId, invitationId)
                .orElseThrow(() -> new com.stategraph.billing.domain.NotFoundException("invitation " + invitationId + " not found"));
        audit.record(caller, tenantId, "user.invite-link", "invitation", invitationId, Map.of());
        return new LinkAnswer(link.url(), link.expiresAt());
    }

    @GetMapping
    @Operation(summary = "The tenant's users and pending invitations (tenant admin)")
    public Results<TenantUser> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireAdmin(caller, tenantId);
        List<TenantUser> all = new ArrayList<>();
        users.listMembers(tenantId).forEach(m -> all.add(new TenantUser(m.userId(), m.email(), m.name(), m.role().value(),
                "active", m.createdAt(), null, null)));
        invitationList.listForTenant(tenantId).forEach(i -> all.add(invited(i, null)));
        all.sort(java.util.Comparator.comparing(TenantUser::email));
        return new Results<>(all);
    }

    private static TenantUser invited(InvitationRepository.Invited i, Boolean sent) {
        return new TenantUser(i.id(), i.email(), i.invitedName(), i.role().value(), "invited", i.createdAt(), i.expiresAt(), sent);
    }

    private static String email(String raw) {
        String email = raw == null ? "" : raw.trim();
        if (email.length() > MAX_EMAIL) {
            throw ApiException.badRequest("INVALID_EMAIL", "email is " + email.length() + " characters long; at most "
                    + MAX_EMAIL + " are allowed");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("INVALID_EMAIL", "email '" + email + "' is not an email address");
        }
        return email;
    }
}
