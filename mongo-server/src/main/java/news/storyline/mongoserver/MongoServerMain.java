package news.storyline.mongoserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link FileBackedMongoServer} as its own process, for the local stack and CI.
 *
 * <pre>java -jar mongo-server-exec.jar [--port 27017] [--bind 127.0.0.1] [--data var/mongo]</pre>
 *
 * <p>Exit codes: 2 for a usage error, 1 when the server cannot start. Once listening, the
 * server's own threads keep the process alive; SIGTERM (or Ctrl-C) closes the store cleanly.
 */
public final class MongoServerMain {

    static final int EXIT_CANNOT_START = 1;
    static final int EXIT_USAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(MongoServerMain.class);

    private MongoServerMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(MongoServerOptions.USAGE);
            return;
        }

        MongoServerOptions options;
        try {
            options = MongoServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("mongo-server: " + e.getMessage());
            System.err.print(MongoServerOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }

        FileBackedMongoServer server;
        try {
            server = FileBackedMongoServer.start(options);
        } catch (MongoServerStartupException e) {
            log.error("mongo-server cannot start: {}", e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "mongo-server-shutdown"));
        log.info("mongo-server listening on {}:{}, data in {}",
                server.address().getAddress().getHostAddress(), server.address().getPort(), server.storeFile());
    }

    private static void stop(FileBackedMongoServer server) {
        log.info("mongo-server shutting down");
        server.close();
        log.info("mongo-server stopped, data store {} closed", server.storeFile());
    }
}
