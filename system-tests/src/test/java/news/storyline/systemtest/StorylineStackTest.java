package news.storyline.systemtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's failures that need no running service: they must say what to do, and start nothing. */
class StorylineStackTest {

    @TempDir
    Path temp;

    @Test
    void aMissingJarSaysToBuildFirst() throws Exception {
        Path jar = Files.createFile(temp.resolve("some.jar"));
        Path missing = temp.resolve("gateway-exec.jar");

        assertThatThrownBy(() -> StorylineStack.builder()
                .jar("story-service", jar).jar("brief-service", jar).jar("gateway", missing)
                .workDirectory(temp.resolve("work"))
                .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("mvn -B package");
        assertThat(temp.resolve("work")).doesNotExist();
    }

    @Test
    void anUnknownServiceNameIsRefused() {
        assertThatThrownBy(() -> StorylineStack.builder().extraArgs("story", "--foo=bar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("story-service");
    }

    @Test
    void extraArgsForAnInstanceTheStackDoesNotHaveAreRefusedBeforeAnythingStarts() throws Exception {
        Path jar = Files.createFile(temp.resolve("some.jar"));

        assertThatThrownBy(() -> StorylineStack.builder()
                .jar("story-service", jar).jar("brief-service", jar).jar("gateway", jar)
                .extraArgs("story-service-2", "--foo=bar")
                .workDirectory(temp.resolve("work"))
                .start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("story-service-2");
        assertThat(temp.resolve("work")).doesNotExist();
    }
}
