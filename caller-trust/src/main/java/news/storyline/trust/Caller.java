package news.storyline.trust;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the gateway vouches for it: the token subject, a display name and the roles the identity
 * provider granted. The services take the author of a change from here, never from the request body.
 */
public record Caller(String subject, String name, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("A caller needs a subject");
        }
        name = name == null || name.isBlank() ? subject : name;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
