package news.storyline.mongoserver;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the server the way {@code bin/stack} does: as its own JVM, stopped with SIGTERM.
 */
class MongoServerMainTest {

    private static final Pattern LISTENING = Pattern.compile("mongo-server listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

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

            assertThat(server.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(server.process.exitValue()).isEqualTo(MongoServerMain.EXIT_CANNOT_START);
            server.awaitOutputClosed();
            assertThat(server.output()).anyMatch(line ->
                    line.contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"));
        }
    }

    @Test
    void answersAWrongOptionWithUsage() throws Exception {
        ServerProcess server = launch("--prot", "27017");

        assertThat(server.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(server.process.exitValue()).isEqualTo(MongoServerMain.EXIT_USAGE);
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
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                MongoServerMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ServerProcess server = new ServerProcess(process);
        started.add(server);
        return server;
    }

    /** A server JVM and the lines it has written so far. */
    private static final class ServerProcess {
        private final Process process;
        private final List<String> output = new CopyOnWriteArrayList<>();
        private final Thread reader;
        private int port = -1;

        ServerProcess(Process process) {
            this.process = process;
            this.reader = new Thread(this::readOutput, "mongo-server-output");
            this.reader.setDaemon(true);
            this.reader.start();
        }

        void awaitListening() {
            await("mongo-server listening").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
                assertThat(process.isAlive()).as("mongo-server is running; output: %s", output).isTrue();
                return output.stream().map(LISTENING::matcher).filter(Matcher::find).findFirst()
                        .map(m -> port = Integer.parseInt(m.group(1))).isPresent();
            });
        }

        MongoClient client() {
            return MongoClients.create("mongodb://127.0.0.1:" + port);
        }

        /** Sends SIGTERM and waits for the process to end; answers its exit code. */
        int stop() throws InterruptedException {
            if (process.isAlive()) {
                process.toHandle().destroy(); // SIGTERM; unlike Process.destroy() it leaves the output readable
                if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            awaitOutputClosed();
            return process.exitValue();
        }

        void awaitOutputClosed() throws InterruptedException {
            reader.join(START_TIMEOUT.toMillis());
        }

        List<String> output() {
            return output;
        }

        private void readOutput() {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output no longer readable: " + e + ")");
            }
        }
    }
}
