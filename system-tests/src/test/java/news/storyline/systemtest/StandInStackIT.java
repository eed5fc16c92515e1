package news.storyline.systemtest;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness's own behaviour, with the gateway's jar standing in for every service: it starts in seconds, needs no
 * database, and answers {@code /actuator/health}. So starting, stopping, restarting and failing are tested
 * independently of the state of the real services.
 */
class StandInStackIT {

    private static final Path GATEWAY_JAR = Path.of(System.getProperty("storyline.jars.gateway"));
    /**
     * A gateway starts only with a way to check bearer tokens, and the stack gives the JWT secret to its gateway
     * alone. The stand-ins are told of an identity provider instead, which they never ask: no token reaches them.
     */
    private static final String TOKENS_NEVER_CHECKED =
            "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks";

    private static StorylineStack.Builder standIns() {
        return StorylineStack.builder()
                .jar(StorylineStack.STORY_SERVICE, GATEWAY_JAR)
                .jar(StorylineStack.BRIEF_SERVICE, GATEWAY_JAR)
                .jar(StorylineStack.GATEWAY, GATEWAY_JAR)
                .extraArgs(StorylineStack.STORY_SERVICE, TOKENS_NEVER_CHECKED)
                .extraArgs(StorylineStack.BRIEF_SERVICE, TOKENS_NEVER_CHECKED)
                .startupTimeout(Duration.ofSeconds(60));
    }

    @Test
    void servicesGetTheirArgsCanBeRestartedOnTheirOldPortsAndCloseLeavesNothingRunning() throws Exception {
        List<String> urls;
        try (StorylineStack stack = standIns()
                .storyServiceInstances(2)
                .extraArgs("gateway", "--storyline.services.story-uri=http://127.0.0.1:9")
                .extraArgs("story-service-1", "--spring.application.name=stand-in")
                .start()) {
            urls = List.of(stack.storyServiceUrl(0), stack.storyServiceUrl(1), stack.briefServiceUrl(), stack.gatewayUrl());
            // Each log starts with the command line: extra args replace the stack's value of the same property.
            assertThat(Files.readString(stack.log("gateway")))
                    .contains("--storyline.services.story-uri=http://127.0.0.1:9")
                    .doesNotContain("--storyline.services.story-uri=" + stack.storyServiceUrl(0));
            assertThat(Files.readString(stack.log("story-service-1"))).contains("--spring.application.name=stand-in");
            assertThat(Files.readString(stack.log("story-service-0"))).doesNotContain("stand-in");

            String second = stack.storyServiceUrl(1);
            stack.stop("story-service-1");
            assertThat(stack.isRunning("story-service-1")).isFalse();
            assertThatThrownBy(() -> Http.get(second + "/actuator/health")).isInstanceOf(UncheckedIOException.class);
            assertThat(Http.get(stack.storyServiceUrl(0) + "/actuator/health").status()).isEqualTo(200);

            stack.start("story-service-1");
            assertThat(Http.get(second + "/actuator/health").status()).isEqualTo(200);
            // One log per instance, the restart appended after a marker line.
            assertThat(Files.readString(stack.log("story-service-1"))).containsPattern("(?s)### .* starting .*### .* starting ");
        }
        for (String url : urls) {
            assertThatThrownBy(() -> Http.get(url + "/actuator/health"))
                    .as("%s still answers after close()", url)
                    .isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void aServiceThatDiesAtStartUpIsNamedWithItsLogAndTheOthersAreStopped() {
        assertThatThrownBy(() -> standIns().extraArgs("brief-service", "--server.port=not-a-port").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("brief-service died before it became healthy")
                .hasMessageContaining("brief-service.log")
                .hasMessageContaining("--- last 40 lines of brief-service ---")
                .hasMessageContaining("not-a-port");
    }
}
