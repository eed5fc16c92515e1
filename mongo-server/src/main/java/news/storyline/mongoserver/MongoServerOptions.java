package news.storyline.mongoserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The command line of {@link MongoServerMain}: where to listen and where to keep the data.
 *
 * <p>Options are {@code --port}, {@code --bind}, {@code --data} and {@code --checkpoint-interval}, each followed
 * by its value (or written as {@code --port=27017}). Anything else is a usage error.
 *
 * @param checkpointInterval how often the data file is committed; between checkpoints writes are durable in the
 *                           journal alone
 */
public record MongoServerOptions(int port, String bindAddress, Path dataDirectory, Duration checkpointInterval) {

    public static final int DEFAULT_PORT = 27017;
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("var", "mongo");

    /** The H2 MVStore file inside the data directory. */
    public static final String STORE_FILE_NAME = "storyline.mv";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    public static final String USAGE = """
            usage: java -jar mongo-server-exec.jar [--port PORT] [--bind ADDRESS] [--data DIR]
                                                   [--checkpoint-interval MILLIS]
              --port PORT                    TCP port to listen on (default %d; 0 picks a free one)
              --bind ADDRESS                 address to listen on (default %s)
              --data DIR                     directory for the data file %s and its journal (default %s)
              --checkpoint-interval MILLIS   how often the data file is committed (default %d)
            """.formatted(DEFAULT_PORT, DEFAULT_BIND_ADDRESS, STORE_FILE_NAME, DEFAULT_DATA_DIRECTORY,
                          DEFAULT_CHECKPOINT_INTERVAL.toMillis());

    public MongoServerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("--bind must not be empty");
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (checkpointInterval == null || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("--checkpoint-interval must be a positive number of milliseconds");
        }
    }

    public MongoServerOptions(int port, String bindAddress, Path dataDirectory) {
        this(port, bindAddress, dataDirectory, DEFAULT_CHECKPOINT_INTERVAL);
    }

    public static MongoServerOptions defaults() {
        return new MongoServerOptions(DEFAULT_PORT, DEFAULT_BIND_ADDRESS, DEFAULT_DATA_DIRECTORY);
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException with a message fit for the user when the arguments are wrong
     */
    public static MongoServerOptions parse(String... args) {
        int port = DEFAULT_PORT;
        String bindAddress = DEFAULT_BIND_ADDRESS;
        Path dataDirectory = DEFAULT_DATA_DIRECTORY;
        Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;

        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(knownOption(name) ? name + " needs a value" : "unknown option " + name);
            }
            switch (name) {
                case "--port" -> port = parsePort(value);
                case "--bind" -> bindAddress = value;
                case "--data" -> dataDirectory = Path.of(value);
                case "--checkpoint-interval" -> checkpointInterval = Duration.ofMillis(parseMillis(value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new MongoServerOptions(port, bindAddress, dataDirectory, checkpointInterval);
    }

    public Path storeFile() {
        return dataDirectory.resolve(STORE_FILE_NAME);
    }

    private static boolean knownOption(String name) {
        return name.equals("--port") || name.equals("--bind") || name.equals("--data")
               || name.equals("--checkpoint-interval");
    }

    private static long parseMillis(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--checkpoint-interval must be a number of milliseconds, was '" + value + "'");
        }
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, was '" + value + "'");
        }
    }
}
