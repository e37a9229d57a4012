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

/**
 * Local users who sign in to the console. A user who already exists (in another tenant) is added
 * to this one with the role; their password is theirs and is never changed from here.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant_id}/users")
public class UserController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD_BYTES = 72; // bcrypt reads no further
    private static final int MAX_EMAIL = 254;

    private final UserRepository users;
    private final TenantAccess access;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    public UserController(UserRepository users, TenantAccess access, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.access = access;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Schema(name = "CreateUser")
    public record CreateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"admin", "member"}) String role,
                                @Schema(description = "Required for a new user; at least 10 characters") String password) {
    }

    @Schema(name = "TenantUser")
    public record TenantUser(UUID id, String email, String name, String role,
                             @JsonProperty("created_at") Instant createdAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a local user in the tenant (tenant admin)")
    public TenantUser create(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId,
                             @RequestBody CreateRequest body) {
        access.requireAdmin(caller, tenantId);
        String email = body.email() == null ? "" : body.email().trim();
        if (email.length() > MAX_EMAIL) {
            throw ApiException.badRequest("INVALID_EMAIL", "email is " + email.length() + " characters long; at most "
                    + MAX_EMAIL + " are allowed");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("INVALID_EMAIL", "email '" + email + "' is not an email address");
        }
        Role role = Role.parse(body.role());
        if (role == null) {
            throw ApiException.badRequest("INVALID_ROLE", "role must be admin or member");
        }
        UUID userId = users.findByEmail(email).map(UserRepository.User::id).orElseGet(() -> newUser(email, body));
        var member = users.addMember(tenantId, userId, role)
                .orElseThrow(() -> ApiException.conflict(email + " is already a member of this tenant"));
        audit.record(caller, tenantId, "user.add", "user", userId, Map.of("email", email, "role", role.value()));
        return toApi(member);
    }

    @GetMapping
    @Operation(summary = "List the tenant's users (tenant admin)")
    public Results<TenantUser> list(@AuthenticationPrincipal Caller caller, @PathVariable("tenant_id") UUID tenantId) {
        access.requireAdmin(caller, tenantId);
        return new Results<>(users.listMembers(tenantId).stream().map(UserController::toApi).toList());
    }

    private UUID newUser(String email, CreateRequest body) {
        String name = body.name() == null ? "" : body.name().trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("MISSING_FIELD", "name is required");
        }
        String password = body.password();
        if (password == null || password.length() < MIN_PASSWORD
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.badRequest("INVALID_PASSWORD", "password must be at least " + MIN_PASSWORD
                    + " characters and at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        return users.insert(email, name, passwords.encode(password), false);
    }

    private static TenantUser toApi(UserRepository.Membership m) {
        return new TenantUser(m.userId(), m.email(), m.name(), m.role().value(), m.createdAt());
    }
}
