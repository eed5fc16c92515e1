package news.storyline.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the bench's own, for the peer: Debian's binaries (package {@code postgresql}), a fresh
 * cluster in a temporary directory, listening on a free loopback port only, with PostgreSQL's default durability
 * (fsync, synchronous commit). PostgreSQL refuses to run as root, so as root it runs as the package's
 * {@code postgres} user. Stopped and deleted on {@link #close()}.
 */
final class PostgresServer implements AutoCloseable {

    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    static final String USER = "bench";
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path directory;
    private final int port;

    private PostgresServer(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** Fails saying why (not installed, initdb or start failed), so that the table can say it. */
    static PostgresServer start() throws IOException, InterruptedException {
        Path bin = newestBinaries();
        Path directory = Files.createTempDirectory("storyline-bench-postgres");
        PostgresServer server = new PostgresServer(bin, directory, freePort());
        try {
            if (runningAsRoot()) {
                run(List.of("chown", "postgres:", directory.toString()));
            }
            server.pg("initdb", "-D", server.data(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale");
            server.pg("pg_ctl", "-D", server.data(), "-l", directory.resolve("server.log").toString(), "-w",
                      "-t", String.valueOf(COMMAND_LIMIT.toSeconds()), "-o",
                      "-p " + server.port + " -c listen_addresses=127.0.0.1 -k " + directory, "start");
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        try {
            if (Files.exists(Path.of(data(), "postmaster.pid"))) {
                pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
            }
        } catch (Exception e) {
            System.err.println("Could not stop the bench's PostgreSQL in " + directory + ": " + e.getMessage());
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + directory + ": " + e.getMessage());
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void pg(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + COMMAND_LIMIT);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                                          + output.strip());
        }
    }

    private static Path newestBinaries() throws IOException {
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            throw new IOException("PostgreSQL is not installed (apt-get install postgresql)");
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                           .max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())))
                           .map(version -> version.resolve("bin"))
                           .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                           .orElseThrow(() -> new IOException("No PostgreSQL binaries under " + DEBIAN_BINARIES));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
