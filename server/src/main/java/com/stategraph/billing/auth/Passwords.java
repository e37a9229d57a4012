package com.stategraph.billing.auth;

import com.stategraph.billing.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The rule every local password follows, and its hash: the only form in which a password is kept. */
@Component
public class Passwords {
    public static final int MIN = 10;
    /** bcrypt reads no further. */
    public static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder;

    Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** @throws InvalidInputException {@code INVALID_PASSWORD} naming the rule */
    public String hash(String password) {
        if (password == null || password.length() < MIN || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException("INVALID_PASSWORD", "password must be at least " + MIN + " characters and at most "
                    + MAX_BYTES + " bytes in UTF-8");
        }
        return encoder.encode(password);
    }
}
