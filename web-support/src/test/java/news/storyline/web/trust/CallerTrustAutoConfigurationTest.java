package news.storyline.web.trust;

import news.storyline.trust.Caller;
import news.storyline.trust.CallerTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTrustAutoConfigurationTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(randomSecret());

    private final WebApplicationContextRunner context = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(JacksonAutoConfiguration.class, CallerTrustAutoConfiguration.class));

    @Test
    void refusesToStartWithoutASecret() {
        context.run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().isInstanceOf(TrustNotConfiguredException.class)
                .hasMessageContaining("No caller-token secret"));
    }

    @Test
    void refusesToStartWithTwoSecrets(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("secret"), SECRET);

        context.withPropertyValues("storyline.trust.secret-file=" + file, "storyline.trust.secret=" + SECRET)
               .run(started -> assertThat(started).hasFailed()
                       .getFailure().rootCause().hasMessageContaining("set only one"));
    }

    @Test
    void refusesToStartWithASecretFileItCannotUse(@TempDir Path directory) {
        context.withPropertyValues("storyline.trust.secret-file=" + directory.resolve("missing"))
               .run(started -> assertThat(started).hasFailed()
                       .getFailure().hasStackTraceContaining(
                               TrustNotConfiguredException.class.getName() + ": Cannot read the caller-token secret file"));
    }

    @Test
    void saysWhatToSetWhenItCannotStart() {
        FailureAnalysis analysis = new TrustNotConfiguredFailureAnalyzer().analyze(
                new IllegalStateException(new TrustNotConfiguredException("No caller-token secret is configured.")));

        assertThat(analysis.getDescription()).isEqualTo("No caller-token secret is configured.");
        assertThat(analysis.getAction()).contains("STORYLINE_TRUST_SECRET_FILE");
    }

    @Test
    void verifiesWithTheSecretFromTheFile(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("secret"), SECRET + "\n");
        Caller caller = new Caller("editor-7", null, Set.of("editor"));

        context.withPropertyValues("storyline.trust.secret-file=" + file).run(started -> {
            assertThat(started.getBean(FilterRegistrationBean.class).getFilter()).isInstanceOf(CallerTrustFilter.class);
            String token = CallerTokens.fromBase64Secret(SECRET).issue(caller);
            assertThat(started.getBean(CallerTokens.class).verify(token)).isEqualTo(caller);
        });
    }

    @Test
    void takesTheSecretItselfForTests() {
        context.withPropertyValues("storyline.trust.secret=" + SECRET, "storyline.trust.secret-file=")
               .run(started -> assertThat(started).hasNotFailed().hasSingleBean(CallerTokens.class));
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
