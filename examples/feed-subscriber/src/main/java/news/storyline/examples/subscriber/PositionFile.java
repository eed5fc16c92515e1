package news.storyline.examples.subscriber;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The last position handled, kept in a file that is always whole: each write goes to a temporary file beside it,
 * is forced to disk, and then replaces the file in one atomic move. A crash leaves the old position or the new one,
 * never half of either.
 */
public final class PositionFile {

    private final Path file;
    private final Path temporary;
    /** Whether the file's directory is known to exist: made on the first write, not again for every event. */
    private boolean directoryMade;

    public PositionFile(Path file) {
        this.file = file.toAbsolutePath();
        this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    /** The position saved last; 0, the start of the feed, when none was saved yet. */
    public long read() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String saved = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            return Long.parseLong(saved);
        } catch (NumberFormatException damaged) {
            // Starting again from 0 would hand every event once more; better to stop and let a person look.
            throw new IOException(file + " holds no position: \"" + saved + "\"", damaged);
        }
    }

    public void write(long position) throws IOException {
        if (!directoryMade) {
            Files.createDirectories(file.getParent());
            directoryMade = true;
        }
        // A FileOutputStream, not a FileChannel: a channel closes when its thread is interrupted, and an interrupt
        // (the subscriber asked to stop) must not cost the position of an event already handled.
        try (FileOutputStream out = new FileOutputStream(temporary.toFile())) {
            out.write((position + "\n").getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public Path path() {
        return file;
    }
}
