package news.storyline.mongoserver;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The server as {@code bin/stack} runs it: its own JVM, with the lines it has written so far. */
final class ServerProcess {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("mongo-server listening on 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private int port = -1;

    private ServerProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "mongo-server-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts {@link MongoServerMain} with these arguments, on this test's class path. */
    static ServerProcess launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                MongoServerMain.class.getName()));
        command.addAll(List.of(args));
        return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Starts a server on a free loopback port, keeping its data in this directory, and waits until it listens.
     *
     * @param options more of its command line
     */
    static ServerProcess startOn(Path dataDirectory, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--bind", "127.0.0.1", "--data",
                                                    dataDirectory.toString()));
        args.addAll(List.of(options));
        ServerProcess server = launch(args.toArray(String[]::new));
        server.awaitListening();
        return server;
    }

    void awaitListening() {
        await("mongo-server listening").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(process.isAlive()).as("mongo-server is running; output: %s", output).isTrue();
            return output.stream().map(LISTENING::matcher).filter(Matcher::find).findFirst()
                    .map(m -> port = Integer.parseInt(m.group(1))).isPresent();
        });
    }

    /** A client that gives up within seconds once the server is gone. */
    MongoClient client() {
        return MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000");
    }

    Process process() {
        return process;
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

    /** Sends SIGKILL, as {@code kill -9} does: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        awaitOutputClosed();
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
