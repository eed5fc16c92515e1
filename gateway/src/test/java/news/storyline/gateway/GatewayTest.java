package news.storyline.gateway;

import news.storyline.trust.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * A running gateway in front of fake story- and brief-services, started afresh for each test class and reset before
 * each test, with a {@link WebTestClient} on the gateway's port that sends a token granting every role
 * ({@link #client}) and one that sends none ({@link #anonymous}). Tokens are checked with {@link TestTokens}'s
 * secret; tracing is on, as in production (Boot's tests switch it off by default).
 * The context is closed after each class, since it points at that class's fakes, which are stopped then.
 */
@AutoConfigureObservability
@DirtiesContext
abstract class GatewayTest {

    static final String[] ALL_ROLES = {Roles.EDITOR, Roles.READER, Roles.SUBSCRIBER, Roles.ADMIN};

    protected static FakeUpstream STORY;
    protected static FakeUpstream BRIEF;

    /**
     * Where the gateway finds story-service: the fake, unless a test class points it elsewhere in its own
     * {@code @BeforeAll} (which runs after this class's).
     */
    protected static String storyServiceUri;

    @LocalServerPort
    int port;

    /** Sends a valid token with every role. */
    WebTestClient client;
    /** Sends no token. */
    WebTestClient anonymous;

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
        registry.add("storyline.jwt.secret-file", () -> TestTokens.jwtSecretFile().toString());
        registry.add("storyline.trust.secret", () -> TestTokens.TRUST_SECRET_BASE64);
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
        anonymous = clientWithToken(null);
        client = clientWithToken(TestTokens.bearer(ALL_ROLES));
    }

    /** A client on the gateway that sends this {@code Authorization} value ({@code null}: none). */
    WebTestClient clientWithToken(String authorization) {
        WebTestClient.Builder builder = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15));
        if (authorization != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        return builder.build();
    }
}
