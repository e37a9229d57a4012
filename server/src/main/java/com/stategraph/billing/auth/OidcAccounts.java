package com.stategraph.billing.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person signed in through the identity provider: their user (found by email, or created without a
 * password), and their memberships made to follow their groups through the role mapping. Only
 * memberships the groups gave are changed or taken away; one a tenant admin gave stays as it is.
 */
@Component
public class OidcAccounts {
    private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final OidcRoleMapping mapping;

    OidcAccounts(JdbcClient jdbc, UserRepository users, @Value("${stategraph.oidc.role-mapping:}") String mapping) {
        this.jdbc = jdbc;
        this.users = users;
        this.mapping = OidcRoleMapping.parse(mapping);
    }

    @Transactional
    public UserRepository.User signedIn(String email, String name, List<String> groups) {
        UserRepository.User user = users.findByEmail(email).orElseGet(() -> {
            UUID id = users.insert(email, name == null || name.isBlank() ? email : name, null, false);
            return users.findByEmail(email).filter(u -> u.id().equals(id)).orElseThrow();
        });
        Map<UUID, Role> wanted = new HashMap<>();
        mapping.rolesFor(groups).forEach((tenant, role) -> {
            UUID tenantId = tenant(tenant);
            if (tenantId == null) {
                log.warn("STATEGRAPH_OIDC_ROLE_MAPPING names tenant '{}', which does not exist", tenant);
            } else {
                wanted.put(tenantId, role);
            }
        });
        for (UUID granted : jdbc.sql("SELECT tenant_id FROM tenant_members WHERE user_id = ? AND granted_by = 'oidc'")
                .param(user.id()).query(UUID.class).list()) {
            if (!wanted.containsKey(granted)) {
                jdbc.sql("DELETE FROM tenant_members WHERE tenant_id = ? AND user_id = ? AND granted_by = 'oidc'")
                        .params(granted, user.id()).update();
            }
        }
        wanted.forEach((tenantId, role) -> jdbc.sql("INSERT INTO tenant_members (tenant_id, user_id, role, granted_by)"
                        + " VALUES (?, ?, ?, 'oidc') ON CONFLICT (tenant_id, user_id) DO UPDATE SET role = excluded.role"
                        + " WHERE tenant_members.granted_by = 'oidc'")
                .params(tenantId, user.id(), role.value()).update());
        return user;
    }

    private UUID tenant(String nameOrId) {
        try {
            UUID id = UUID.fromString(nameOrId);
            return jdbc.sql("SELECT id FROM tenants WHERE id = ?").param(id).query(UUID.class).optional().orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return jdbc.sql("SELECT id FROM tenants WHERE name = ?").param(nameOrId).query(UUID.class).optional().orElse(null);
        }
    }
}
