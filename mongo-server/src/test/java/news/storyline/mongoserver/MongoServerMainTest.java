package news.storyline.mongoserver;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the server the way {@code bin/stack} does: as its own JVM, stopped with SIGTERM.
 */
class MongoServerMainTest {

    @TempDir
    Path dataDirectory;

    private final List<ServerProcess> started = new ArrayList<>();

    @AfterEach
    void stopWhatWasStarted() throws InterruptedException {
        for (ServerProcess server : started) {
            server.stop();
        }
    }

    @Test
    void keepsDocumentsAcrossARestart() throws Exception {
        Document story = new Document("_id", "story-1")
                .append("headline", "Ким Чен-ун обеща на Русия „безусловна подкрепа“")
                .append("dateline", new Document("place", "Пхенян"));

        ServerProcess first = start("--port", "0", "--bind", "127.0.0.1", "--data", dataDirectory.toString());
        try (MongoClient client = first.client()) {
            stories(client).insertOne(story);
        }
        int exitCode = first.stop();

        assertThat(exitCode).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(first.output()).anyMatch(line -> line.contains("data store") && line.contains("closed"));
        assertThat(dataDirectory.resolve("storyline.mv")).isRegularFile();

        ServerProcess second = start("--port", "0", "--bind", "127.0.0.1", "--data", dataDirectory.toString());
        try (MongoClient client = second.client()) {
            assertThat(stories(client).find(eq("_id", "story-1")).first()).isEqualTo(story);
        }
    }

    @Test
    void refusesToStartWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerProcess server = launch("--port", String.valueOf(taken.getLocalPort()),
                    "--data", dataDirectory.toString());

            assertThat(server.process().waitFor(ServerProcess.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(server.process().exitValue()).isEqualTo(MongoServerMain.EXIT_CANNOT_START);
            server.awaitOutputClosed();
            assertThat(server.output()).anyMatch(line ->
                    line.contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"));
        }
    }

    @Test
    void answersAWrongOptionWithUsage() throws Exception {
        ServerProcess server = launch("--prot", "27017");

        assertThat(server.process().waitFor(ServerProcess.START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(server.process().exitValue()).isEqualTo(MongoServerMain.EXIT_USAGE);
        server.awaitOutputClosed();
        assertThat(server.output()).contains("mongo-server: unknown option --prot").anyMatch(line -> line.startsWith("usage:"));
    }

    private static MongoCollection<Document> stories(MongoClient client) {
        return client.getDatabase("storyline").getCollection("stories");
    }

    private ServerProcess start(String... args) throws IOException {
        ServerProcess server = launch(args);
        server.awaitListening();
        return server;
    }

    private ServerProcess launch(String... args) throws IOException {
        ServerProcess server = ServerProcess.launch(args);
        started.add(server);
        return server;
    }
}
