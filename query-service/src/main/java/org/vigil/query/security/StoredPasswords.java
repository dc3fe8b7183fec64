package org.vigil.query.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Outside the demo profile a configured password must be a hash in Spring Security's form, {@code {bcrypt}…},
 * {@code {argon2}…}, {@code {pbkdf2}…} or {@code {scrypt}…}: a plain-text password ({@code {noop}…}) or one
 * without its scheme stops the start-up with the user's name and how to hash one.
 */
final class StoredPasswords {

    private static final Pattern HASHED =
            Pattern.compile("^\\{(bcrypt|argon2|pbkdf2|scrypt)(@SpringSecurity_v5_8)?}.+");
    static final String HOW_TO_HASH = "give a bcrypt hash instead, e.g. \"{bcrypt}$2a$10$…\" from "
            + "htpasswd -nbBC 10 \"\" 'the password' | tr -d ':\\n' (or any bcrypt tool)";

    private StoredPasswords() {
    }

    static void requireHashes(UsersProperties properties) {
        List<UsersProperties.User> users = properties.users();
        for (int i = 0; i < users.size(); i++) {
            UsersProperties.User user = users.get(i);
            String password = user.password() == null ? "" : user.password();
            if (password.startsWith("{noop}")) {
                throw new IllegalStateException("vigil.users[" + i + "] (" + user.name() + ") has a plain-text "
                        + "{noop} password, allowed in the demo profile only: " + HOW_TO_HASH);
            }
            if (!HASHED.matcher(password).matches()) {
                throw new IllegalStateException("vigil.users[" + i + "] (" + user.name() + ") has no password hash "
                        + "Vigil knows (it must start with {bcrypt}, {argon2}, {pbkdf2} or {scrypt}): " + HOW_TO_HASH);
            }
        }
    }
}
