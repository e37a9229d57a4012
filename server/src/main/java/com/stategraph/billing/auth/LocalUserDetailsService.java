package com.stategraph.billing.auth;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Local users sign in to the console with their email and password. */
@Service
public class LocalUserDetailsService implements UserDetailsService {
    private final UserRepository users;

    public LocalUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var user = users.findByEmail(email)
                .filter(u -> u.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("no local user with that email"));
        return User.withUsername(user.email()).password(user.passwordHash()).roles("USER").build();
    }
}
