package news.storyline.trust;

import java.util.Objects;
import java.util.Set;

/**
 * Who a request is made for, as the gateway vouches: the user's id ({@code subject}, the token's {@code sub}), the
 * name to show (may be {@code null}) and their roles ({@link Roles}).
 */
public record Caller(String subject, String name, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A caller's subject must not be blank");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
