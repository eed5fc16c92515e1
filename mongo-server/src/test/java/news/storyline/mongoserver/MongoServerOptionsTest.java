package news.storyline.mongoserver;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MongoServerOptionsTest {

    @Test
    void withoutArgumentsUsesTheLocalStackDefaults() {
        MongoServerOptions options = MongoServerOptions.parse();

        assertThat(options).isEqualTo(new MongoServerOptions(27017, "127.0.0.1", Path.of("var/mongo")));
        assertThat(options.storeFile()).isEqualTo(Path.of("var/mongo/storyline.mv"));
    }

    @Test
    void takesEachOptionWithItsValueAsTheNextArgumentOrAfterAnEqualsSign() {
        assertThat(MongoServerOptions.parse("--port", "27018", "--bind", "0.0.0.0", "--data", "/tmp/m"))
                .isEqualTo(new MongoServerOptions(27018, "0.0.0.0", Path.of("/tmp/m")));
        assertThat(MongoServerOptions.parse("--port=27019", "--data=d"))
                .isEqualTo(new MongoServerOptions(27019, "127.0.0.1", Path.of("d")));
        assertThat(MongoServerOptions.parse("--checkpoint-interval", "250").checkpointInterval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatIllegalArgumentException().isThrownBy(() -> MongoServerOptions.parse("--verbose", "yes"))
                .withMessage("unknown option --verbose");
        assertThatIllegalArgumentException().isThrownBy(() -> MongoServerOptions.parse("--port"))
                .withMessage("--port needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> MongoServerOptions.parse("--port", "mongo"))
                .withMessage("--port must be a number, was 'mongo'");
        assertThatIllegalArgumentException().isThrownBy(() -> MongoServerOptions.parse("--port", "70000"))
                .withMessage("--port must be between 0 and 65535, was 70000");
        assertThatIllegalArgumentException().isThrownBy(() -> MongoServerOptions.parse("--checkpoint-interval", "5s"))
                .withMessage("--checkpoint-interval must be a number of milliseconds, was '5s'");
        assertThatIllegalArgumentException().isThrownBy(() -> MongoServerOptions.parse("--checkpoint-interval", "0"))
                .withMessage("--checkpoint-interval must be a positive number of milliseconds");
    }
}
