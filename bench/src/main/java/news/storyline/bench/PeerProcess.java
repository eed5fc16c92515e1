package news.storyline.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer's service ({@code peer.PostgresPeerApplication}) as a process of its own, like story-service under
 * bin/stack: a bounded heap, loopback only, the stack's caller-token secret. Its log goes to a file beside the
 * bench's JSON.
 */
final class PeerProcess implements AutoCloseable {

    private static final String MAIN = "news.storyline.bench.peer.PostgresPeerApplication";
    private static final Duration HEALTH_POLL = Duration.ofMillis(500);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final URI uri;

    private PeerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static PeerProcess start(Http http, Path benchJar, PostgresServer postgres, Path trustSecret, String mongoUri,
                             Path log, Duration limit) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java, "-Xmx224m", "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-Dloader.main=" + MAIN, "-jar", benchJar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.application.name=story-service-peer",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + PostgresServer.USER,
                "--spring.data.mongodb.uri=" + mongoUri))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("STORYLINE_TRUST_SECRET_FILE", trustSecret.toAbsolutePath().toString());
        PeerProcess peer = new PeerProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!peer.process.isAlive()) {
                throw new IOException("The peer exited with " + peer.process.exitValue() + "; see " + log);
            }
            if (peer.healthy(http)) {
                return peer;
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        }
        peer.close();
        throw new IOException("The peer was not healthy within " + limit + "; see " + log);
    }

    URI uri() {
        return uri;
    }

    private boolean healthy(Http http) {
        try {
            return http.get(uri.resolve("/actuator/health"), Map.of()).body().contains("\"UP\"");
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
