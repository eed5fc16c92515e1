package news.storyline.examples.subscriber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionFileTest {

    @TempDir
    Path directory;

    @Test
    void startsAtTheBeginningOfTheFeedWhenNothingWasSaved() throws IOException {
        assertThat(new PositionFile(directory.resolve("subscriber.position")).read()).isZero();
    }

    @Test
    void keepsTheLastPositionWrittenAcrossInstancesAndLeavesNoTemporaryFile() throws IOException {
        Path file = directory.resolve("state/subscriber.position");
        new PositionFile(file).write(41);
        new PositionFile(file).write(42);

        assertThat(new PositionFile(file).read()).isEqualTo(42);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void savesThePositionAlsoWhenTheSubscriberIsBeingStopped() throws IOException {
        PositionFile file = new PositionFile(directory.resolve("subscriber.position"));

        Thread.currentThread().interrupt();
        try {
            file.write(7);
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is left for the subscriber to see").isTrue();
        }

        assertThat(file.read()).isEqualTo(7);
    }

    @Test
    void refusesAFileThatHoldsNoPositionRatherThanStartingAgain() throws IOException {
        Path file = directory.resolve("subscriber.position");
        Files.writeString(file, "forty-two");

        assertThatThrownBy(() -> new PositionFile(file).read()).isInstanceOf(IOException.class)
                                                               .hasMessageContaining("forty-two");
    }
}
