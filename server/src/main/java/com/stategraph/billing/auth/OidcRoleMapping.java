package com.stategraph.billing.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which identity-provider groups make a person a member or an admin of which tenant:
 * {@code STATEGRAPH_OIDC_ROLE_MAPPING="platform-admins=acme:admin, finops=acme:member"}; a tenant
 * by name or id. Read when the server starts: a mistake stops the start, naming the entry.
 */
public record OidcRoleMapping(List<Entry> entries) {

    public record Entry(String group, String tenant, Role role) {
    }

    public static OidcRoleMapping parse(String text) {
        List<Entry> entries = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new OidcRoleMapping(entries);
        }
        for (String raw : text.split("[,;\\n]")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            int colon = entry.lastIndexOf(':');
            if (equals < 1 || colon < equals + 2 || colon == entry.length() - 1) {
                throw new IllegalStateException("STATEGRAPH_OIDC_ROLE_MAPPING entry '" + entry + "' is not GROUP=TENANT:ROLE");
            }
            String role = entry.substring(colon + 1).trim();
            if (!role.equals("admin") && !role.equals("member")) {
                throw new IllegalStateException("STATEGRAPH_OIDC_ROLE_MAPPING entry '" + entry + "': the role is admin or member");
            }
            entries.add(new Entry(entry.substring(0, equals).trim(), entry.substring(equals + 1, colon).trim(),
                    role.equals("admin") ? Role.ADMIN : Role.MEMBER));
        }
        return new OidcRoleMapping(List.copyOf(entries));
    }

    /** Per tenant (as written in the mapping), the highest role the person's groups give. */
    public Map<String, Role> rolesFor(List<String> groups) {
        Map<String, Role> roles = new TreeMap<>();
        for (Entry e : entries) {
            if (groups.contains(e.group())) {
                roles.merge(e.tenant(), e.role(), (a, b) -> a == Role.ADMIN || b == Role.ADMIN ? Role.ADMIN : Role.MEMBER);
            }
        }
        return roles;
    }

    /** Every tenant the mapping names. */
    public List<String> tenants() {
        return entries.stream().map(Entry::tenant).distinct().toList();
    }
}
