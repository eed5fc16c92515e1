package news.storyline.trust;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    @Test
    void keepsItsOwnCopyOfTheRoles() {
        Set<String> roles = new HashSet<>(Set.of(Roles.READER));
        Caller caller = new Caller("reader-1", null, roles);

        roles.add(Roles.ADMIN);

        assertThat(caller.hasRole(Roles.ADMIN)).isFalse();
        assertThatThrownBy(() -> caller.roles().add(Roles.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mustNameASubject() {
        assertThatThrownBy(() -> new Caller(" ", "Мария", Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Caller(null, "Мария", Set.of())).isInstanceOf(NullPointerException.class);
    }
}
