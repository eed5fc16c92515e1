package news.storyline.systemtest;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import news.storyline.testsupport.TestMongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The real Storyline services, each started from its runnable jar as its own process on free loopback ports, against
 * a fresh database on the test MongoDB: story-service (one or more instances), brief-service and the gateway in
 * front of them. Tests talk to it over HTTP exactly as clients would.
 *
 * <p>Service names: {@code story-service-0} … {@code story-service-<N-1>} (indexed from 0, like
 * {@link #storyServiceUrl(int)}; the gateway writes to instance 0), {@code brief-service}, {@code gateway}.
 * Every process is destroyed by {@link #close()} or, at the latest, by a JVM shutdown hook, so that none outlives
 * the test JVM (unless that JVM is killed with SIGKILL, which no hook survives).
 */
public final class StorylineStack implements AutoCloseable {

    public static final String STORY_SERVICE = "story-service";
    public static final String BRIEF_SERVICE = "brief-service";
    public static final String GATEWAY = "gateway";
    /** The embedded MongoDB-wire server, when the stack runs its own ({@link Builder#ownStore()}). */
    public static final String STORE = "mongo-server";

    static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** How long a service gets to shut down gracefully before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static StorylineStack shared;
    private static RuntimeException sharedStartFailure;

    private final String runId;
    private final Path runDirectory;
    private final String mongoUri;
    private final String databaseName;
    private final Map<String, ServiceProcess> services;
    private final ServiceProcess store;
    private MongoClient storeClient;
    private final int storyServiceInstances;
    private final StackSecrets secrets;
    private final Duration startupTimeout;
    private final boolean sharedForJvm;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Duration startupTime;

    private StorylineStack(String runId, Path runDirectory, String mongoUri, Map<String, ServiceProcess> services,
                           ServiceProcess store, int storyServiceInstances, StackSecrets secrets,
                           Duration startupTimeout, boolean sharedForJvm) {
        this.store = store;
        this.runId = runId;
        this.runDirectory = runDirectory;
        this.mongoUri = mongoUri;
        this.databaseName = new ConnectionString(mongoUri).getDatabase();
        this.services = services;
        this.storyServiceInstances = storyServiceInstances;
        this.secrets = secrets;
        this.startupTimeout = startupTimeout;
        this.sharedForJvm = sharedForJvm;
        this.shutdownHook = new Thread(this::shutdown, "storyline-stack-" + runId + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One stack for the whole test JVM, with two story-service instances, started on first use: several IT classes
     * share it instead of each paying the start-up. It is closed by the shutdown hook only; {@link #close()} on it
     * does nothing, so one test class cannot pull it from under the next. A failed start is remembered and
     * rethrown, so later classes fail at once instead of waiting for the same failure again.
     */
    public static synchronized StorylineStack shared() {
        if (sharedStartFailure != null) {
            throw new IllegalStateException("The shared Storyline stack failed to start earlier in this JVM",
                    sharedStartFailure);
        }
        if (shared == null) {
            try {
                shared = builder().storyServiceInstances(2).sharedForJvm().start();
            } catch (RuntimeException e) {
                sharedStartFailure = e;
                throw e;
            }
        }
        return shared;
    }

    public String gatewayUrl() {
        return service(GATEWAY).url();
    }

    /** The URL of story-service instance {@code instance}, counted from 0 (as in its name and log). */
    public String storyServiceUrl(int instance) {
        if (instance < 0 || instance >= storyServiceInstances) {
            throw new IllegalArgumentException("story-service instances are numbered 0.." + (storyServiceInstances - 1)
                    + ", not " + instance);
        }
        return service(STORY_SERVICE + "-" + instance).url();
    }

    public String briefServiceUrl() {
        return service(BRIEF_SERVICE).url();
    }

    /**
     * The {@code Authorization} header of a user holding {@code role} (subject {@code test-<role>}), signed with the
     * stack's JWT secret as the identity provider would.
     */
    public Map<String, String> as(String role) {
        return as("test-" + role, displayName(role), role);
    }

    public Map<String, String> as(String subject, String name, String... roles) {
        return Map.of("Authorization", "Bearer " + secrets.userToken(subject, name, roles));
    }

    /** A bearer token of a user holding {@code role}, for clients that take the token itself. */
    public String token(String role) {
        return secrets.userToken("test-" + role, displayName(role), role);
    }

    /** The caller token the gateway would relay for a user holding {@code role}, to call a service directly. */
    public Map<String, String> asGateway(String role) {
        return Map.of("X-Storyline-Caller", secrets.callerToken("test-" + role, displayName(role), role));
    }

    private static String displayName(String role) {
        return "Test " + Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }

    public int storyServiceInstances() {
        return storyServiceInstances;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public String databaseName() {
        return databaseName;
    }

    /** The stack's own database, for assertions on what the services stored. */
    public MongoDatabase database() {
        if (store == null) {
            return TestMongo.client().getDatabase(databaseName);
        }
        synchronized (this) {
            if (storeClient == null) {
                // Gives up within seconds while the store is down, instead of the driver's 30 s.
                storeClient = MongoClients.create(mongoUri.substring(0, mongoUri.lastIndexOf('/'))
                        + "/?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000");
            }
            return storeClient.getDatabase(databaseName);
        }
    }

    /** Whether the stack runs its own embedded store as a process (which {@link #kill} may then kill). */
    public boolean hasOwnStore() {
        return store != null;
    }

    /** How many events the stack's event store holds now. */
    public long eventCount() {
        return database().getCollection("events").countDocuments();
    }

    /** The ids of the events in the stack's event store now. */
    public Set<String> eventIds() {
        return database().getCollection("events").find().map(event -> event.getString("_id")).into(new HashSet<>());
    }

    public String runId() {
        return runId;
    }

    public Path runDirectory() {
        return runDirectory;
    }

    public Path log(String service) {
        return service(service).log();
    }

    public Set<String> services() {
        return services.keySet();
    }

    /** How long the initial start took, from the first process launched until the last one reported UP. */
    public Duration startupTime() {
        return startupTime;
    }

    public boolean isRunning(String service) {
        return service(service).isAlive();
    }

    /** Stops one service, gracefully, killing it after {@link #STOP_GRACE}; the others keep running. */
    public void stop(String service) {
        service(service).stop(STOP_GRACE);
    }

    /**
     * Kills one process with SIGKILL, as {@code kill -9} does ({@link #STORE} included, when the stack runs its own):
     * no shutdown hook, no flush, no release of what it held. {@link #start} brings it back on the same port (and
     * the store on the same data directory).
     */
    public void kill(String service) {
        service(service).kill();
    }

    /** The operating system's id of a running process of the stack, for reports. */
    public long pid(String service) {
        return service(service).pid();
    }

    /** Starts a stopped service again on its old port and waits until it reports UP; a running one is left alone. */
    public void start(String service) {
        ServiceProcess process = service(service);
        if (closed.get()) {
            throw new IllegalStateException("Stack " + runId + " is closed");
        }
        process.start();
        HealthWait.untilHealthy(List.of(process), startupTimeout);
    }

    /** Destroys every process; does nothing on the {@link #shared()} stack, which lives as long as the JVM. */
    @Override
    public void close() {
        if (sharedForJvm) {
            return;
        }
        shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook is running or has run: nothing left to unregister.
        }
    }

    @Override
    public String toString() {
        return "Storyline stack " + runId + " " + services.values() + ", database " + databaseName
                + ", logs in " + runDirectory;
    }

    private void startAll() {
        Instant started = Instant.now();
        if (store != null) {
            store.start();
            HealthWait.untilHealthy(List.of(store), startupTimeout);
        }
        services.values().forEach(ServiceProcess::start);
        HealthWait.untilHealthy(services.values(), startupTimeout);
        startupTime = Duration.between(started, Instant.now());
        System.out.printf("%s started in %.1f s%n", this, startupTime.toMillis() / 1000.0);
    }

    /** Asks every process to stop at once, then waits for all of them together, so closing costs one grace period. */
    private void shutdown() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        services.values().forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        services.values().forEach(service -> service.awaitExit(deadline));
        // The store last: the services release their processors' claims through it as they stop.
        if (store != null) {
            store.stop(STOP_GRACE);
            synchronized (this) {
                if (storeClient != null) {
                    storeClient.close();
                }
            }
        }
    }

    private ServiceProcess service(String name) {
        ServiceProcess service = STORE.equals(name) && store != null ? store : services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service '" + name + "' in this stack; there are " + services.keySet());
        }
        return service;
    }

    /** Options for a stack; {@link #start()} launches it and returns once every service reports UP. */
    public static final class Builder {

        private static final Pattern SERVICE_NAME = Pattern.compile("story-service(-(0|[1-9][0-9]*))?|brief-service|gateway");
        private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

        private int storyServiceInstances = 1;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private final Map<String, List<String>> extraArgs = new HashMap<>();
        private final Map<String, Path> jars = new HashMap<>();
        private Path workDirectory;
        private boolean sharedForJvm;
        private boolean ownStore;

        private Builder() {
        }

        public Builder storyServiceInstances(int instances) {
            if (instances < 1) {
                throw new IllegalArgumentException("The gateway needs at least one story-service, not " + instances);
            }
            this.storyServiceInstances = instances;
            return this;
        }

        /**
         * Command-line arguments for one service: {@code story-service} means every instance,
         * {@code story-service-1} only the second one. An argument naming a property the stack sets itself
         * (say {@code --storyline.services.story-uri=...}) replaces the stack's value instead of repeating it,
         * because Spring would join two values of one property with a comma.
         */
        public Builder extraArgs(String service, String... args) {
            if (!SERVICE_NAME.matcher(service).matches()) {
                throw new IllegalArgumentException("Unknown service '" + service
                        + "'; expected story-service, story-service-<n>, brief-service or gateway");
            }
            extraArgs.computeIfAbsent(service, key -> new ArrayList<>()).addAll(List.of(args));
            return this;
        }

        /** A runnable jar other than the one Maven passes in {@code storyline.jars.<service>}. */
        public Builder jar(String service, Path jar) {
            jars.put(service, jar);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Where run directories and logs go; defaults to {@code storyline.work.dir}. */
        public Builder workDirectory(Path directory) {
            this.workDirectory = directory;
            return this;
        }

        /**
         * Runs the embedded MongoDB-wire server as a process of the stack ({@link #STORE}: {@code mongo-server}'s
         * runnable jar, as {@code bin/stack} runs it, on a free port with a data directory of this run) instead of
         * using the test MongoDB, so that a test may kill it. The services get the same connection string as
         * {@code bin/stack} gives them: no options.
         */
        public Builder ownStore() {
            this.ownStore = true;
            return this;
        }

        Builder sharedForJvm() {
            this.sharedForJvm = true;
            return this;
        }

        public StorylineStack start() {
            // Everything that can be checked without starting anything is checked first.
            Map<String, Path> resolvedJars = Map.of(
                    STORY_SERVICE, jarOf(STORY_SERVICE),
                    BRIEF_SERVICE, jarOf(BRIEF_SERVICE),
                    GATEWAY, jarOf(GATEWAY));
            extraArgs.keySet().stream()
                    .filter(name -> name.startsWith(STORY_SERVICE + "-"))
                    .filter(name -> Integer.parseInt(name.substring(STORY_SERVICE.length() + 1)) >= storyServiceInstances)
                    .findFirst()
                    .ifPresent(name -> {
                        throw new IllegalArgumentException("extraArgs for " + name + ", but the stack has only "
                                + storyServiceInstances + " story-service instance(s)");
                    });

            String runId = LocalDateTime.now().format(RUN_ID_TIME) + "-" + UUID.randomUUID().toString().substring(0, 4);
            Path runDirectory = createRunDirectory(runId);
            Map<String, Path> runnableJars = new HashMap<>();
            resolvedJars.forEach((service, jar) ->
                    runnableJars.put(service, JarSnapshots.of(jar, runDirectory.getParent().resolve("jars"))));
            StackSecrets secrets = StackSecrets.generate(runDirectory);
            List<Integer> ports = LoopbackPorts.free(storyServiceInstances + 3);
            ServiceProcess store = null;
            String mongoUri;
            if (ownStore) {
                int storePort = ports.get(storyServiceInstances + 2);
                Path storeJar = JarSnapshots.of(jarOf(STORE), runDirectory.getParent().resolve("jars"));
                store = ServiceProcess.store(STORE, storeJar, storePort, createDirectory(runDirectory.resolve("store")),
                        runDirectory);
                mongoUri = "mongodb://127.0.0.1:" + storePort + "/" + TestMongo.freshDatabaseName("system");
            } else {
                mongoUri = TestMongo.uri("system");
            }

            Map<String, ServiceProcess> services = new LinkedHashMap<>();
            for (int i = 0; i < storyServiceInstances; i++) {
                String name = STORY_SERVICE + "-" + i;
                services.put(name, new ServiceProcess(name, runnableJars.get(STORY_SERVICE), ports.get(i),
                        args(name, axonServiceArgs(ports.get(i), mongoUri, secrets)), runDirectory));
            }
            int briefPort = ports.get(storyServiceInstances);
            services.put(BRIEF_SERVICE, new ServiceProcess(BRIEF_SERVICE, runnableJars.get(BRIEF_SERVICE), briefPort,
                    args(BRIEF_SERVICE, axonServiceArgs(briefPort, mongoUri, secrets)), runDirectory));
            int gatewayPort = ports.get(storyServiceInstances + 1);
            services.put(GATEWAY, new ServiceProcess(GATEWAY, runnableJars.get(GATEWAY), gatewayPort,
                    args(GATEWAY, gatewayArgs(gatewayPort, ports.get(0), briefPort, secrets)), runDirectory));

            StorylineStack stack = new StorylineStack(runId, runDirectory, mongoUri, services, store,
                    storyServiceInstances, secrets, startupTimeout, sharedForJvm);
            try {
                stack.startAll();
                return stack;
            } catch (RuntimeException e) {
                stack.shutdown();
                throw e;
            }
        }

        private static List<String> axonServiceArgs(int port, String mongoUri, StackSecrets secrets) {
            List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.data.mongodb.uri=" + mongoUri));
            args.addAll(secrets.serviceArgs());
            return args;
        }

        private static List<String> gatewayArgs(int port, int storyPort, int briefPort, StackSecrets secrets) {
            List<String> args = new ArrayList<>(secrets.gatewayArgs());
            args.addAll(List.of("--server.port=" + port,
                    // Loopback here: the stack is for tests, and its gateway must not be reachable from outside.
                    "--server.address=127.0.0.1",
                    "--storyline.services.story-uri=http://127.0.0.1:" + storyPort,
                    "--storyline.services.brief-uri=http://127.0.0.1:" + briefPort));
            return args;
        }

        /** The stack's arguments for {@code instance}, with its extra ones replacing any that set the same property. */
        private List<String> args(String instance, List<String> standard) {
            List<String> extra = new ArrayList<>(extraArgs.getOrDefault(kindOf(instance), List.of()));
            if (!instance.equals(kindOf(instance))) {
                extra.addAll(extraArgs.getOrDefault(instance, List.of()));
            }
            List<String> overridden = extra.stream().map(Builder::propertyOf).toList();
            List<String> result = new ArrayList<>(standard.stream()
                    .filter(arg -> !overridden.contains(propertyOf(arg)))
                    .toList());
            result.addAll(extra);
            return result;
        }

        private static String kindOf(String instance) {
            return instance.startsWith(STORY_SERVICE) ? STORY_SERVICE : instance;
        }

        private static String propertyOf(String arg) {
            int equals = arg.indexOf('=');
            return equals < 0 ? arg : arg.substring(0, equals);
        }

        private Path jarOf(String service) {
            Path jar = jars.get(service);
            String property = "storyline.jars." + service;
            if (jar == null) {
                String configured = System.getProperty(property);
                if (configured == null || configured.isBlank()) {
                    throw new IllegalStateException("System property " + property + " is not set. Run the system "
                            + "tests through Maven (mvn -B -pl system-tests verify), which sets it, or set it to the "
                            + "service's *-exec.jar.");
                }
                jar = Path.of(configured);
            }
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No runnable jar for " + service + " at " + jar.toAbsolutePath()
                        + ". Build it first: mvn -B package -DskipTests (or mvn -B -pl system-tests -am verify).");
            }
            return jar.toAbsolutePath().normalize();
        }

        private static Path createDirectory(Path directory) {
            try {
                return Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create " + directory, e);
            }
        }

        private Path createRunDirectory(String runId) {
            Path base = workDirectory != null ? workDirectory
                    : Path.of(System.getProperty("storyline.work.dir", "target/system-test-work"));
            try {
                return Files.createDirectories(base.resolve(runId)).toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the run directory under " + base, e);
            }
        }
    }
}
