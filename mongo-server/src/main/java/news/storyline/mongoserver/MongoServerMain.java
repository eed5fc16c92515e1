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
    static final int EXIT_STORE_FAILED = 3;

    /*
     * Before anything touches NIO (so before the logger, too): the JDK writes a heap buffer to a file through a
     * temporary direct buffer of the same size, and by default each thread keeps its largest one for good. A
     * checkpoint writes a chunk of tens of MiB from whichever worker thread runs the round: after a minute of
     * writes the store's workers held 500 MiB of direct memory, and the next checkpoint could not get its buffer,
     * which closed the store. Buffers above 1 MiB are now freed after use.
     */
    static {
        if (System.getProperty("jdk.nio.maxCachedBufferSize") == null) {
            System.setProperty("jdk.nio.maxCachedBufferSize", String.valueOf(1 << 20));
        }
    }

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
            server = FileBackedMongoServer.start(options, MongoServerMain::stopAfterAStoreFailure);
        } catch (MongoServerStartupException e) {
            log.error("mongo-server cannot start: {}", e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "mongo-server-shutdown"));
        log.info("mongo-server listening on {}:{}, data in {}",
                server.address().getAddress().getHostAddress(), server.address().getPort(), server.storeFile());
    }

    /**
     * H2 closes its store after a failure it cannot undo (a write to the file that failed halfway). A server that
     * went on listening would fail every request from then on; stopped, it is seen to be down, and the next start
     * recovers every acknowledged write from the journal. Halted, not exited: closing the store cleanly is no
     * longer possible, and a kill is what the journal is made for.
     */
    private static void stopAfterAStoreFailure() {
        log.error("mongo-server stops: its data store closed itself after a failure; start it again to recover");
        Runtime.getRuntime().halt(EXIT_STORE_FAILED);
    }

    private static void stop(FileBackedMongoServer server) {
        log.info("mongo-server shutting down");
        server.close();
        log.info("mongo-server stopped, data store {} closed", server.storeFile());
    }
}
