package news.storyline.mongoserver.store;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The store's write-ahead log, as MongoDB's journal is to its data files: every change to a map is appended here as
 * the key's value after it, and a write is durable once its records are synced. The MVStore file is committed only
 * now and then ({@link GroupCommit#checkpoint checkpoints}), so that a page that many writes change is written once
 * per checkpoint, not once per write. Committing the B-tree for every durable write rewrote each changed page
 * and every page above it: at 100,000 events the file was 13 GB, three quarters of it dead pages, and compacting
 * it kept the idle store busy.
 *
 * <p>Records carry increasing numbers; a checkpoint stores the number it includes, and after a crash the records
 * above it are applied again, in order, to the file as it stood at that checkpoint: exactly the changes that the
 * crash took back. A record is written with its length and checksum; a torn record (the tail of a write that was
 * never acknowledged) ends the replay.
 *
 * <p>Each checkpoint starts a new journal file; the older ones are deleted once the checkpoint is synced.
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    /** The map, committed with each checkpoint, that holds the number of the last record the checkpoint includes. */
    static final String CHECKPOINT_MAP = "storyline.journal";
    private static final String APPLIED_THROUGH = "appliedThrough";
    private static final String FILE_INFIX = ".journal.";
    private static final int HEADER_BYTES = 8; // length and checksum of each record

    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final byte CLEAR = 3;
    private static final byte DROP_MAP = 4;
    private static final byte RENAME_MAP = 5;

    private final Path storeFile;
    private final MapTypes types;
    /** Records appended since the last {@link #takePending()}. Guarded by {@code this}. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 16);
    private final WriteBuffer record = new WriteBuffer(1 << 12);
    /** Guarded by {@code this}. */
    private long lastNumber;
    /** Set while a checkpoint compacts the file: moving a page changes nothing that needs journaling. */
    private volatile boolean suspended;

    /** Only the round in progress touches the file. */
    private long fileSequence;
    private FileChannel file;
    private long fileBytes;

    private Journal(Path storeFile, MapTypes types, long lastNumber, long fileSequence) {
        this.storeFile = storeFile;
        this.types = types;
        this.lastNumber = lastNumber;
        this.fileSequence = fileSequence;
        this.file = openFile(fileSequence);
    }

    /**
     * Applies what the journal holds beyond the store's last checkpoint, checkpoints it, and starts a new journal.
     * Call before anything reads the store, with no map of it open.
     */
    static Journal recover(MVStore store, Path storeFile, MapTypes types) {
        List<Path> files = journalFiles(storeFile);
        long appliedThrough = appliedThrough(store);
        long last = appliedThrough;
        long replayed = 0;
        for (Path journalFile : files) {
            Replay replay = new Replay(store, types, appliedThrough);
            boolean whole = replay.apply(journalFile);
            replayed += replay.applied;
            last = Math.max(last, replay.lastNumber);
            if (!whole) {
                break; // a torn record ends what was ever acknowledged
            }
        }
        if (replayed > 0) {
            log.info("Replayed {} journal records written after the last checkpoint", replayed);
        }
        store.<String, Long>openMap(CHECKPOINT_MAP).put(APPLIED_THROUGH, last);
        store.commit();
        store.sync();
        long nextSequence = files.isEmpty() ? 1 : sequenceOf(files.get(files.size() - 1)) + 1;
        Journal journal = new Journal(storeFile, types, last, nextSequence);
        journal.deleteFilesBefore(nextSequence);
        return journal;
    }

    void changed(MVMap<?, ?> map, Object key, Object value) {
        if (suspended) {
            return;
        }
        appendRecord(value == null ? REMOVE : PUT, map.getName(), map, key, value, null);
    }

    void cleared(MVMap<?, ?> map) {
        appendRecord(CLEAR, map.getName(), map, null, null, null);
    }

    void droppedMap(String name) {
        appendRecord(DROP_MAP, name, null, null, null, null);
    }

    /** The map's types go with the record: a replay opens the map by them before it renames it. */
    void renamedMap(String name, MVMap<?, ?> map, String newName) {
        appendRecord(RENAME_MAP, name, map, null, null, newName);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private synchronized void appendRecord(byte operation, String name, MVMap<?, ?> map, Object key, Object value,
                                           String newName) {
        WriteBuffer out = record.clear();
        out.putInt(0).putInt(0).putLong(++lastNumber).put(operation);
        writeString(out, name);
        if (map != null) {
            writeString(out, types.describe(map.getKeyType()));
            writeString(out, types.describe(map.getValueType()));
        }
        switch (operation) {
            case PUT -> {
                ((DataType) map.getKeyType()).write(out, key);
                ((DataType) map.getValueType()).write(out, value);
            }
            case REMOVE -> ((DataType) map.getKeyType()).write(out, key);
            case RENAME_MAP -> writeString(out, newName);
            default -> { } // CLEAR and DROP_MAP: the name (and types) say it all
        }
        ByteBuffer bytes = out.getBuffer();
        int length = bytes.position() - HEADER_BYTES;
        CRC32C checksum = new CRC32C();
        checksum.update(bytes.array(), HEADER_BYTES, length);
        bytes.putInt(0, length).putInt(4, (int) checksum.getValue());
        pending.write(bytes.array(), 0, bytes.position());
    }

    synchronized boolean hasPending() {
        return pending.size() > 0;
    }

    /** The records appended so far, to be written by the caller; call only while no write is half applied. */
    synchronized byte[] takePending() {
        byte[] taken = pending.toByteArray();
        pending.reset();
        return taken;
    }

    /** Puts back records a round took but could not write, ahead of those appended since. */
    synchronized void giveBack(byte[] records) {
        byte[] since = pending.toByteArray();
        pending.reset();
        pending.write(records, 0, records.length);
        pending.write(since, 0, since.length);
    }

    /** Stores, in the store's next commit, that it includes every record appended so far. */
    synchronized void markCheckpoint(MVStore store) {
        store.<String, Long>openMap(CHECKPOINT_MAP).put(APPLIED_THROUGH, lastNumber);
    }

    /** Runs a change of the store that needs no record (moving pages), while no write runs. */
    void withoutRecords(Runnable change) {
        suspended = true;
        try {
            change.run();
        } finally {
            suspended = false;
        }
    }

    /**
     * Writes records taken from {@link #takePending()} and syncs them. When that fails, the file is cut back to
     * what it held before, so that the records can be written again whole, after nothing torn.
     */
    void writeAndSync(byte[] records) {
        if (records.length == 0) {
            return;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(records);
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
            file.force(false);
            fileBytes += records.length;
        } catch (IOException e) {
            try {
                file.truncate(fileBytes);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new UncheckedIOException("could not write the journal " + pathOf(fileSequence), e);
        }
    }

    /** How much the current journal file holds: a checkpoint keeps the replay after a crash short. */
    long fileBytes() {
        return fileBytes;
    }

    /** After a synced checkpoint that includes every record written so far: starts a new file, drops the old. */
    void startNewFile() {
        closeFile();
        fileSequence++;
        file = openFile(fileSequence);
        fileBytes = 0;
        deleteFilesBefore(fileSequence);
    }

    @Override
    public void close() {
        closeFile();
    }

    private void closeFile() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileChannel openFile(long sequence) {
        try {
            return FileChannel.open(pathOf(sequence), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the journal " + pathOf(sequence), e);
        }
    }

    private void deleteFilesBefore(long sequence) {
        for (Path older : journalFiles(storeFile)) {
            if (sequenceOf(older) < sequence) {
                try {
                    Files.deleteIfExists(older);
                } catch (IOException e) {
                    log.warn("Could not delete the old journal file {}; it is replayed to no effect", older, e);
                }
            }
        }
    }

    private Path pathOf(long sequence) {
        return storeFile.resolveSibling(storeFile.getFileName() + FILE_INFIX + String.format("%06d", sequence));
    }

    private static List<Path> journalFiles(Path storeFile) {
        String prefix = storeFile.getFileName() + FILE_INFIX;
        Path directory = storeFile.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(directory)) {
            return siblings.filter(path -> path.getFileName().toString().startsWith(prefix))
                           .sorted((a, b) -> Long.compare(sequenceOf(a), sequenceOf(b)))
                           .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the journal files in " + directory, e);
        }
    }

    private static long sequenceOf(Path journalFile) {
        String name = journalFile.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
    }

    private static long appliedThrough(MVStore store) {
        if (!store.hasMap(CHECKPOINT_MAP)) {
            return 0;
        }
        Long number = store.<String, Long>openMap(CHECKPOINT_MAP).get(APPLIED_THROUGH);
        return number == null ? 0 : number;
    }

    private static void writeString(WriteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putVarInt(bytes.length).put(bytes);
    }

    private static String readString(ByteBuffer in) {
        byte[] bytes = new byte[DataUtils.readVarInt(in)];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Applies one journal file's records above the checkpoint, in order. */
    private static final class Replay {
        private final MVStore store;
        private final MapTypes types;
        private final long appliedThrough;
        long applied;
        long lastNumber;

        Replay(MVStore store, MapTypes types, long appliedThrough) {
            this.store = store;
            this.types = types;
            this.appliedThrough = appliedThrough;
        }

        /** @return whether every record in the file was whole */
        boolean apply(Path journalFile) {
            ByteBuffer bytes;
            try {
                bytes = ByteBuffer.wrap(Files.readAllBytes(journalFile));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the journal " + journalFile, e);
            }
            while (bytes.remaining() >= HEADER_BYTES) {
                int start = bytes.position();
                int length = bytes.getInt();
                int expected = bytes.getInt();
                if (length <= 0 || length > bytes.remaining()) {
                    return torn(journalFile, start);
                }
                CRC32C checksum = new CRC32C();
                checksum.update(bytes.array(), bytes.position(), length);
                if ((int) checksum.getValue() != expected) {
                    return torn(journalFile, start);
                }
                ByteBuffer payload = bytes.slice(bytes.position(), length);
                bytes.position(bytes.position() + length);
                applyRecord(payload);
            }
            return !bytes.hasRemaining() || torn(journalFile, bytes.position());
        }

        private boolean torn(Path journalFile, int offset) {
            log.warn("The journal {} ends with a torn record at byte {}: a write that was never acknowledged",
                     journalFile, offset);
            return false;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void applyRecord(ByteBuffer in) {
            long number = in.getLong();
            byte operation = in.get();
            lastNumber = number;
            if (number <= appliedThrough) {
                return; // the checkpoint includes it
            }
            applied++;
            String name = readString(in);
            if (operation == DROP_MAP) {
                if (store.hasMap(name)) {
                    store.removeMap(name);
                }
                return;
            }
            DataType keyType = types.type(readString(in));
            DataType valueType = types.type(readString(in));
            MVMap map = store.openMap(name, new MVMap.Builder<>().keyType(keyType).valueType(valueType));
            switch (operation) {
                case PUT -> map.put(keyType.read(in), valueType.read(in));
                case REMOVE -> map.remove(keyType.read(in));
                case CLEAR -> map.clear();
                case RENAME_MAP -> store.renameMap(map, readString(in));
                default -> throw new IllegalStateException("unknown journal record " + operation);
            }
        }
    }
}
