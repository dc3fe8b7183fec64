package org.vigil.query.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people who may log in ({@code vigil.users}). There are none by default: a clinic declares its own, with
 * password hashes ({@code {bcrypt}…}); the demo profile declares {@code nurse}, {@code director} and
 * {@code engineer} with the password {@code demo}.
 */
@ConfigurationProperties("vigil")
public record UsersProperties(@DefaultValue List<User> users) {

    /**
     * @param password a Spring Security encoded password, e.g. {@code {bcrypt}$2a$10$…} ({@code {noop}} only for demos)
     * @param chairs   the chairs assigned to a nurse, whose sessions they may review when the clinic protocol
     *                 allows it ({@code nurseReview.ownChairs}); none by default
     */
    public record User(String name, String password, List<Role> roles, @DefaultValue List<String> chairs) {
    }
}
