package com.stategraph.billing.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.stategraph.billing.audit.AuditLog;
import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.Role;
import com.stategraph.billing.auth.TenantAccess;
import com.stategraph.billing.auth.UserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 * Local users who sign in to the console. The instance admin adds users to tenants directly. A
 * tenant admin invites them: the user joins only when they accept (console, after sign-in), and
 * the answer is the same whether the email already had an account or not, so a tenant admin learns
 * nothing about people outside their tenant. An existing user's password is never changed here.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant_id}/users")
public class UserController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD_BYTES = 72; // bcrypt reads no further
    private static final int MAX_EMAIL = 254;

    private final UserRepository users;
    private final InvitationRepository invitations;
    private final TenantAccess access;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    public UserController(UserRepository users, InvitationRepository invitations, TenantAccess access,
                          PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.invitations = invitations;
        this.access = access;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Schema(name = "CreateUser")
    public record CreateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"admin", "member"}) String role,
                                @Schema(description = "The new user's first password, 10 characters to 72 bytes; required from"
                                        + " tenant admins (ignored when the email already has an account)") String password) {
    }

    @Schema(name = "TenantUser")
    public record TenantUser(UUID id, String email,
                             @Schema(description = "the user's name once they are a member; the name the inviting admin"
                                     + " gave while invited") String name,
                             String role,
                             @Schema(allowableValues = {"active", "invited"}) String status,
                             @JsonProperty("created_at") Instant createdAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Add a local user to the tenant: the instance admin adds, a tenant admin invites")
    public TenantUser create(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                             @RequestBody CreateRequest body) {
        access.requireAdmin(caller, tenantId);
        String email = email(body.email());
        String name = RequiredName.of(body.name());
        Role role = Role.parse(body.role());
        if (role == null) {
            throw ApiException.badRequest("INVALID_ROLE", "role must be admin or member");
        }
        Optional<UserRepository.User> existing = users.findByEmail(email);
        if (caller.isAdmin()) {
            UUID userId = existing.map(UserRepository.User::id).orElseGet(() -> users.insert(email, name, hash(body.password()), false));
            var member = users.addMember(tenantId, userId, role)
                    .orElseThrow(() -> ApiException.conflict(email + " is already a member of this tenant"));
            audit.record(caller, tenantId, "user.add", "user", userId, Map.of("email", email, "role", role.value()));
            return new TenantUser(member.userId(), member.email(), member.name(), member.role().value(), "active", member.createdAt());
        }
        // Checked before the lookup, so the answer never depends on whether the email has an account.
        String passwordHash = hash(body.password());
        UUID userId = existing.map(UserRepository.User::id).orElseGet(() -> users.insert(email, name, passwordHash, false));
        if (users.roleIn(userId, tenantId).isPresent()) {
            throw ApiException.conflict(email + " is already a member of this tenant");
        }
        var invited = invitations.invite(tenantId, userId, role, name, caller.name())
                .orElseThrow(() -> ApiException.conflict(email + " is already invited to this tenant"));
        audit.record(caller, tenantId, "user.invite", "user", userId, Map.of("email", email, "role", role.value()));
        return invited(invited);
    }

    @GetMapping
    @Operation(summary = "The tenant's users and pending invitations (tenant admin)")
    public Results<TenantUser> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireAdmin(caller, tenantId);
        List<TenantUser> all = new ArrayList<>();
        users.listMembers(tenantId).forEach(m -> all.add(new TenantUser(m.userId(), m.email(), m.name(), m.role().value(),
                "active", m.createdAt())));
        invitations.listForTenant(tenantId).forEach(i -> all.add(invited(i)));
        all.sort(java.util.Comparator.comparing(TenantUser::email));
        return new Results<>(all);
    }

    private static TenantUser invited(InvitationRepository.Invited i) {
        return new TenantUser(i.userId(), i.email(), i.invitedName(), i.role().value(), "invited", i.createdAt());
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

    private String hash(String password) {
        if (password == null || password.length() < MIN_PASSWORD
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.badRequest("INVALID_PASSWORD", "password must be at least " + MIN_PASSWORD
                    + " characters and at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        return passwords.encode(password);
    }
}
