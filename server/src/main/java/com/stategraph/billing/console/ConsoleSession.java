package com.stategraph.billing.console;

import com.stategraph.billing.auth.Caller;
import com.stategraph.billing.auth.Role;
import com.stategraph.billing.auth.TenantRepository;
import com.stategraph.billing.auth.UserRepository;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Who is signed in to the console, and the tenants they can switch between with their role in each. */
@Component
public class ConsoleSession {
    private final UserRepository users;
    private final TenantRepository tenants;

    public ConsoleSession(UserRepository users, TenantRepository tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    public record TenantRole(UUID id, String name, boolean admin) {
    }

    public record View(Caller caller, String name, List<TenantRole> tenants) {
        public TenantRole tenant(UUID id) {
            return tenants.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
        }
    }

    public View of(Principal principal) {
        UserRepository.User user = users.findByEmail(principal.getName()).orElseThrow(
                () -> new IllegalStateException("the signed-in user no longer exists"));
        Caller caller = Caller.user(user.id(), user.name(), user.email(), user.isAdmin());
        List<TenantRole> list = new ArrayList<>();
        for (TenantRepository.Tenant t : user.isAdmin() ? tenants.listAll() : tenants.listForUser(user.id())) {
            boolean admin = user.isAdmin() || users.roleIn(user.id(), t.id()).orElse(null) == Role.ADMIN;
            list.add(new TenantRole(t.id(), t.name(), admin));
        }
        return new View(caller, user.name() == null ? user.email() : user.name(), List.copyOf(list));
    }
}
