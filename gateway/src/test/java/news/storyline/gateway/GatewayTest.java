package news.storyline.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * A running gateway in front of fake story- and brief-services, started afresh for each test class and reset before
 * each test, with a {@link WebTestClient} on the gateway's port.
 * The context is closed after each class, since it points at that class's fakes, which are stopped then.
 */
@DirtiesContext
abstract class GatewayTest {

    protected static FakeUpstream STORY;
    protected static FakeUpstream BRIEF;

    /**
     * Where the gateway finds story-service: the fake, unless a test class points it elsewhere in its own
     * {@code @BeforeAll} (which runs after this class's).
     */
    protected static String storyServiceUri;

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeAll
    static void startUpstreams() {
        STORY = FakeUpstream.start("story-service");
        BRIEF = FakeUpstream.start("brief-service");
        storyServiceUri = STORY.uri();
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("storyline.services.story-uri", () -> storyServiceUri);
        registry.add("storyline.services.brief-uri", () -> BRIEF.uri());
    }

    @AfterAll
    static void stopUpstreams() {
        STORY.close();
        BRIEF.close();
    }

    @BeforeEach
    void setUp() {
        STORY.reset();
        BRIEF.reset();
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }
}
