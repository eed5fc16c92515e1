package news.storyline.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies of the services' jars that the processes run from. A rebuild ({@code mvn package} in another terminal)
 * rewrites a jar in place, and a JVM that loads classes lazily from a rewritten jar fails in odd ways; a copy keyed by
 * the jar's size and modification time stays as it was for as long as a stack runs, restarts included.
 */
final class JarSnapshots {

    private static final Map<Path, Path> SNAPSHOTS = new ConcurrentHashMap<>();

    private JarSnapshots() {
    }

    static Path of(Path jar, Path directory) {
        try {
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "")
                    + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + ".jar";
            Path snapshot = directory.resolve(name);
            return SNAPSHOTS.computeIfAbsent(snapshot, target -> copy(jar, target));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + jar, e);
        }
    }

    private static Path copy(Path jar, Path target) {
        try {
            if (Files.exists(target)) {
                return target;
            }
            Files.createDirectories(target.getParent());
            // Copied under a temporary name and then renamed, so no process ever sees half a jar.
            Path partial = Files.createTempFile(target.getParent(), "partial-", ".jar");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + jar + " to " + target, e);
        }
    }
}
