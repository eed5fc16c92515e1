package news.storyline.testsupport;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import news.storyline.mongoserver.FileBackedMongoServer;
import news.storyline.mongoserver.MongoServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The MongoDB that every test in this JVM runs against, chosen once:
 * <ol>
 *     <li>{@code MONGODB_URI}, when set (a real server or replica set someone runs);</li>
 *     <li>a Testcontainers MongoDB replica set, when a Docker engine answers;</li>
 *     <li>else the embedded MongoDB-wire server ({@code mongo-java-server}, H2 file backend), listening on a
 *     free loopback port so that other processes reach it exactly as they would a real server.</li>
 * </ol>
 * Tests isolate themselves by database, never by mocking: {@link #uri(String)} names a fresh one.
 */
public final class TestMongo {

    private static final Logger log = LoggerFactory.getLogger(TestMongo.class);
    private static final String MONGO_IMAGE = "mongo:7.0";

    private static Backend backend;

    private TestMongo() {
    }

    /** A connection string for a database that no other test uses. */
    public static String uri(String databasePrefix) {
        return uriOf(freshDatabaseName(databasePrefix));
    }

    /** A connection string for the named database on the chosen backend. */
    public static String uriOf(String database) {
        ConnectionString base = new ConnectionString(backend().uri());
        String hosts = String.join(",", base.getHosts());
        String options = base.getConnectionString().contains("?")
                ? base.getConnectionString().substring(base.getConnectionString().indexOf('?'))
                : "";
        String credentials = base.getUsername() == null ? "" : base.getUsername() + ":" + new String(base.getPassword()) + "@";
        return "mongodb://" + credentials + hosts + "/" + database + options;
    }

    public static String freshDatabaseName(String prefix) {
        return prefix.replaceAll("[^A-Za-z0-9_-]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client on the chosen backend, shared by the JVM's tests; do not close it. */
    public static synchronized MongoClient client() {
        Backend chosen = backend();
        if (chosen.client == null) {
            chosen.client = MongoClients.create(chosen.uri());
        }
        return chosen.client;
    }

    /** Which backend was chosen, for test reports. */
    public static String describe() {
        return backend().description();
    }

    private static synchronized Backend backend() {
        if (backend == null) {
            backend = choose();
            log.info("Tests run against {}", backend.description());
        }
        return backend;
    }

    private static Backend choose() {
        String fromEnvironment = System.getenv("MONGODB_URI");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Backend(fromEnvironment, "MONGODB_URI (" + new ConnectionString(fromEnvironment).getHosts() + ")");
        }
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
            container.start();
            return new Backend(container.getReplicaSetUrl(), "Testcontainers " + MONGO_IMAGE + " replica set");
        }
        return embedded();
    }

    private static boolean dockerAvailable() {
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!dockerConfigured) {
            return false; // spares a log full of Testcontainers' failed probes on machines without Docker
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError notAvailable) {
            return false;
        }
    }

    private static Backend embedded() {
        try {
            Path dataDirectory = Files.createTempDirectory("storyline-test-mongo");
            // The product's own store, as bin/stack runs it: the same indexes, the same copies on every answer.
            FileBackedMongoServer server = FileBackedMongoServer.start(
                    new MongoServerOptions(0, "127.0.0.1", dataDirectory));
            // No shutdown hook stops the server: hooks run at once, and the services' contexts, closing in theirs,
            // still release their processors' claims through it (against a stopped server each such call waits out
            // the driver's 30 s server selection). It ends with the JVM; its files go after every hook has run.
            deleteOnExit(dataDirectory, server.storeFile());
            String uri = "mongodb://127.0.0.1:" + server.address().getPort();
            return new Backend(uri, "embedded mongo-server (indexed H2 file) at " + uri);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the embedded MongoDB's data directory", e);
        }
    }

    /** Deleted in reverse order of registration: the directory, registered first, goes last. */
    private static void deleteOnExit(Path... paths) {
        for (Path path : paths) {
            path.toFile().deleteOnExit();
        }
    }

    private static final class Backend {
        private final String uri;
        private final String description;
        private MongoClient client;

        private Backend(String uri, String description) {
            this.uri = uri;
            this.description = description;
        }

        String uri() {
            return uri;
        }

        String description() {
            return description;
        }
    }
}
