package news.storyline.mongoserver;

import de.bwaldvogel.mongo.MongoServer;
import news.storyline.mongoserver.store.IndexedH2Backend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A MongoDB-wire server (mongo-java-server) whose data lives in one H2 MVStore file.
 *
 * <p>Every answer waits until what it tells is on disk (commit and sync, shared by concurrent writers), so a server
 * killed at any moment has kept every write it acknowledged. {@link #close()} stops listening and closes the store.
 * The oplog stays disabled: nothing here needs change streams, and it would only grow the file.
 */
public final class FileBackedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileBackedMongoServer.class);

    /**
     * Threads that serve connections. A command waits on its thread until its group commit is on disk, which holds
     * up the other connections that thread serves: with one thread per connection (the services open a few dozen)
     * they wait for nobody but the disk.
     */
    static final int WORKER_THREADS = 64;

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path storeFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FileBackedMongoServer(MongoServer server, InetSocketAddress address, Path storeFile) {
        this.server = server;
        this.address = address;
        this.storeFile = storeFile;
    }

    /**
     * Creates the data directory if needed, opens the store and starts listening.
     *
     * @throws MongoServerStartupException if the port is taken, the address is unknown,
     *                                     or the store cannot be opened
     */
    public static FileBackedMongoServer start(MongoServerOptions options) {
        return start(options, () -> log.error("The data store closed itself after a failure; every request fails"));
    }

    /**
     * As {@link #start(MongoServerOptions)}; {@code onStoreClosed} runs when the store closes itself after a failure
     * it cannot undo.
     */
    public static FileBackedMongoServer start(MongoServerOptions options, Runnable onStoreClosed) {
        InetAddress bindAddress = resolve(options.bindAddress());
        requirePortFree(bindAddress, options.port());
        Path storeFile = options.storeFile().toAbsolutePath();
        IndexedH2Backend backend = openStore(storeFile, options.checkpointInterval(), onStoreClosed);

        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress(bindAddress, options.port()), 1, WORKER_THREADS);
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            // bind() has already shut the server down and closed the store.
            if (e instanceof BindException) {
                throw portInUse(options.bindAddress(), options.port(), e);
            }
            throw new MongoServerStartupException(
                    "cannot listen on " + options.bindAddress() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        return new FileBackedMongoServer(server, server.getLocalAddress(), storeFile);
    }

    /** The address the server listens on, with the actual port when 0 was asked for. */
    public InetSocketAddress address() {
        return address;
    }

    public Path storeFile() {
        return storeFile;
    }

    /** Stops listening, closes client connections and the store. Safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
        }
    }

    private static InetAddress resolve(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new MongoServerStartupException("unknown bind address '" + bindAddress + "'", e);
        }
    }

    /**
     * Checks the port before the store is opened, so that a second server started by mistake
     * names the port it could not get rather than the store file another server holds.
     */
    private static void requirePortFree(InetAddress bindAddress, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(bindAddress, port));
        } catch (BindException e) {
            throw portInUse(bindAddress.getHostAddress(), port, e);
        } catch (IOException e) {
            throw new MongoServerStartupException(
                    "cannot listen on " + bindAddress.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static IndexedH2Backend openStore(Path storeFile, Duration checkpointInterval, Runnable onStoreClosed) {
        try {
            Files.createDirectories(storeFile.getParent());
        } catch (IOException e) {
            throw new MongoServerStartupException("cannot create data directory " + storeFile.getParent() + ": " + e, e);
        }
        try {
            return IndexedH2Backend.open(storeFile.toString(), checkpointInterval, onStoreClosed);
        } catch (RuntimeException e) {
            throw new MongoServerStartupException("cannot open data store " + storeFile + ": " + e.getMessage()
                    + " (is another mongo-server using this data directory?)", e);
        }
    }

    private static MongoServerStartupException portInUse(String bindAddress, int port, Exception cause) {
        return new MongoServerStartupException("port " + port + " on " + bindAddress
                + " is already in use (is another mongo-server or mongod running?)", cause);
    }
}
