package news.storyline.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service of the stack as an operating-system process: {@code java <flags> -jar <jar> <args>} on a fixed loopback
 * port, its stdout and stderr appended to one log file. The port stays the same across {@link #stop} and
 * {@link #start}, so the gateway's routes stay valid when a service is restarted.
 */
final class ServiceProcess {

    static final List<String> JVM_FLAGS = List.of(
            "-Xmx384m",
            // C1 only: these JVMs live for one test run, so start-up time matters more than peak speed.
            "-XX:TieredStopAtLevel=1",
            "-Daxoniq.update-checker.disabled=true",
            "-Ddisable-axoniq-console-message=true");

    private static final HttpClient HEALTH_CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path workingDirectory;
    private final Path log;
    /** The embedded store speaks the MongoDB wire protocol, not HTTP: it is healthy once its port takes a connection. */
    private final boolean wireProtocol;
    private Process process;

    ServiceProcess(String name, Path jar, int port, List<String> args, Path workingDirectory) {
        this(name, jar, port, args, workingDirectory, false);
    }

    /** The embedded MongoDB-wire server ({@code mongo-server}'s runnable jar) as one process of the stack. */
    static ServiceProcess store(String name, Path jar, int port, Path dataDirectory, Path workingDirectory) {
        return new ServiceProcess(name, jar, port, List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--data", dataDirectory.toString()), workingDirectory, true);
    }

    private ServiceProcess(String name, Path jar, int port, List<String> args, Path workingDirectory,
                           boolean wireProtocol) {
        this.wireProtocol = wireProtocol;
        this.name = name;
        this.port = port;
        this.workingDirectory = workingDirectory;
        this.log = workingDirectory.resolve(name + ".log");
        List<String> full = new ArrayList<>();
        full.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        full.addAll(JVM_FLAGS);
        full.add("-jar");
        full.add(jar.toString());
        full.addAll(args);
        this.command = List.copyOf(full);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    List<String> command() {
        return command;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized String exitDescription() {
        if (process == null) {
            return "was never started";
        }
        return process.isAlive() ? "is running (pid " + process.pid() + ")" : "exited with code " + process.exitValue();
    }

    /** Starts the process unless it runs already; a restart appends to the same log, after a marker line. */
    synchronized void start() {
        if (isAlive()) {
            return;
        }
        try {
            Files.writeString(log, "### " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    /** Asks the process to stop (SIGTERM, so Spring shuts down gracefully). Use {@link #awaitExit} afterwards. */
    synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    /** Waits until the process has exited, killing it when it outlives {@code deadline}. */
    void awaitExit(Instant deadline) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            return;
        }
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!current.waitFor(millis, TimeUnit.MILLISECONDS)) {
                current.descendants().forEach(ProcessHandle::destroyForcibly);
                current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL, as {@code kill -9} does: no shutdown hook runs, nothing is flushed or released. Returns once the
     * process is gone, so that a restart may bind the same port.
     */
    void kill() {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null || !current.isAlive()) {
            return;
        }
        current.descendants().forEach(ProcessHandle::destroyForcibly);
        current.destroyForcibly();
        try {
            if (!current.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " outlived SIGKILL by 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    void stop(Duration grace) {
        requestStop();
        awaitExit(Instant.now().plus(grace));
    }

    /** {@code GET /actuator/health} answers 200 with status UP; any failure to ask counts as "not yet". */
    boolean isHealthy() {
        if (wireProtocol) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }
        try {
            HttpResponse<String> response = HEALTH_CLIENT.send(
                    HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(HEALTH_REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode body = JSON.readTree(response.body());
            return "UP".equals(body.path("status").asText());
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The log's last lines, for failure messages. */
    String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            // Decoded leniently: a log is not guaranteed to be valid UTF-8, and a failure message must not fail.
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " at " + url();
    }
}
