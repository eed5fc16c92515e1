package news.storyline.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared stack as the other system tests see it: real services, each on its own port, log and database. */
class StorylineStackIT {

    private static StorylineStack stack;

    @BeforeAll
    static void startStack() {
        stack = StorylineStack.shared();
    }

    @Test
    void everyServiceRunsOnItsOwnLoopbackPortAndLogsToItsOwnFile() throws Exception {
        List<String> urls = List.of(stack.storyServiceUrl(0), stack.storyServiceUrl(1), stack.briefServiceUrl(),
                stack.gatewayUrl());

        assertThat(stack.services()).containsExactly("story-service-0", "story-service-1", "brief-service", "gateway");
        assertThat(urls).doesNotHaveDuplicates().allMatch(url -> url.startsWith("http://127.0.0.1:"));
        assertThat(urls.stream().map(url -> URI.create(url).getPort()))
                .noneMatch(port -> port >= 8080 && port <= 8082);
        for (String url : urls) {
            Http.Response health = Http.get(url + "/actuator/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            assertThat(health.body().path("status").asText()).as(health.toString()).isEqualTo("UP");
        }
        for (String service : stack.services()) {
            assertThat(stack.log(service)).isRegularFile().isNotEmptyFile();
            assertThat(stack.log(service).getParent()).isEqualTo(stack.runDirectory());
        }
        assertThat(Files.readString(stack.log("gateway"))).contains("--server.address=127.0.0.1");
    }

    @Test
    void theStackHasItsOwnDatabase() {
        assertThat(stack.mongoUri()).startsWith("mongodb://").endsWith("/" + stack.databaseName());
        assertThat(stack.databaseName()).startsWith("system_");
        assertThat(stack.database().getName()).isEqualTo(stack.databaseName());
    }
}
