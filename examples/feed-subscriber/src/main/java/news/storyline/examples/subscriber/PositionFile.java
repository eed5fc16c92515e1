package news.storyline.examples.subscriber;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The last position handled, kept in a file that is always whole: each write goes to a temporary file beside it,
 * is forced to disk, and then replaces the file in one atomic move. A crash leaves the old position or the new one,
 * never half of either.
 */
public final class PositionFile {

    private final Path file;
    private final Path temporary;

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
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                                    StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((position + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public Path path() {
        return file;
    }
}
