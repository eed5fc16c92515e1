package news.storyline.mongoserver.store;

import org.h2.mvstore.MVStore;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes writes durable before they are acknowledged, as a MongoDB replica set does with its default write concern
 * ({@code w: "majority"}, journaled): such a write is answered only once its {@link Journal} records are synced,
 * and a read is answered only once every such write it could have seen is, so that no client learns of a durable
 * write a crash can still take back.
 *
 * <p>A write that asks for less ({@code w: 1}, as rebuildable read models do) is answered once applied and reaches
 * the disk with the next round, at the latest {@link #flush() a moment later}. A crash takes back only a suffix
 * of the writes, in the order they were applied: whatever it takes back, it also takes back everything after it.
 *
 * <p>Group commit: the first caller that needs the journal synced writes and syncs it for everyone waiting; callers
 * that arrive meanwhile wait for the next round, which takes all of them at once. Under load a sync is shared by as
 * many writers as arrived during the previous one. Now and then a round is also a checkpoint: the store's file is
 * committed, and the journal starts anew.
 *
 * <p>Atomicity: a round takes the journal's records, and a checkpoint commits, only while no write is half applied
 * (writes hold the shared side of a lock, a round its exclusive side), so a document and its index entries, or a
 * findAndModify's read and its update, always reach the disk together. MVStore's own background commits, which
 * could cut a write in two, are switched off ({@link IndexedH2Backend#open}).
 */
final class GroupCommit {

    private final MVStore store;
    private final Journal journal;
    private final Checkpoints checkpoints;
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
    /** Durable writes begun so far; such a write takes its number before it changes anything. */
    private final AtomicLong writesBegun = new AtomicLong();
    /**
     * The last durable write begun on each collection, so that a read waits only for those it could have seen: a
     * read model's reader does not wait for the events being written meanwhile.
     */
    private final Map<Namespace, AtomicLong> lastDurableWriteBegun = new ConcurrentHashMap<>();
    /** Every durable write up to this number is on disk. Guarded by {@code this}. */
    private long durableUpTo;
    /** Whether a caller is committing and syncing for the others. Guarded by {@code this}. */
    private boolean roundInProgress;
    /** When the store's file was last committed. Only the round in progress touches it. */
    private long lastCheckpointNanos = System.nanoTime();
    /** When a write last began: compaction waits for a quiet store. */
    private volatile long lastWriteNanos = System.nanoTime();
    /** Set by {@link #checkpointNow()}: the next round checkpoints whatever is due. */
    private volatile boolean checkpointAsked;

    GroupCommit(MVStore store, Journal journal, Checkpoints checkpoints) {
        this.store = store;
        this.journal = journal;
        this.checkpoints = checkpoints;
    }

    /**
     * Applies a write and returns once it, and everything it saw, is on disk. Any write it saw had begun before it
     * ended, and a round that covers its number takes its snapshot after it ended: that round covers them too.
     */
    <T> T durableWrite(Namespace namespace, Supplier<T> write) {
        long number = -1;
        applying.readLock().lock();
        try {
            lastWriteNanos = System.nanoTime();
            number = writesBegun.incrementAndGet();
            lastDurableWriteBegun.computeIfAbsent(namespace, any -> new AtomicLong()).accumulateAndGet(number, Math::max);
            return write.get();
        } finally {
            applying.readLock().unlock();
            awaitDurable(number); // also after a failure: part of a write may have been applied
        }
    }

    /** Applies a write whole, between commits, and returns at once. */
    <T> T write(Supplier<T> write) {
        applying.readLock().lock();
        try {
            lastWriteNanos = System.nanoTime();
            return write.get();
        } finally {
            applying.readLock().unlock();
        }
    }

    /** Puts everything applied so far on disk, and checkpoints when one is due. */
    void flush() {
        if (journal.hasPending() || checkpointDue()) {
            awaitDurable(writesBegun.incrementAndGet());
        }
    }

    /**
     * Once nothing has been written for {@code quiet}, rewrites the live pages of mostly dead chunks, a little at a
     * time, until the file is back near the size of its data. A checkpoint compacts only a little (it holds up every
     * writer meanwhile), which does not keep up with a burst of writes or a rebuild: after one at 100,000 events the
     * file was 10 GB, 17% of it live.
     */
    void compactWhileQuiet(Duration quiet) {
        if (System.nanoTime() - lastWriteNanos < quiet.toNanos() || !checkpoints.compactionDue()) {
            return;
        }
        applying.writeLock().lock();
        try {
            if (journal.hasPending() || store.hasUnsavedChanges()) {
                return; // writes came meanwhile: the next round checkpoints them first
            }
            journal.markCheckpoint(store); // the same number: compacting commits
            journal.withoutRecords(checkpoints::compactWhileQuiet);
            store.commit();
        } finally {
            applying.writeLock().unlock();
        }
        store.sync();
    }

    /** Commits everything applied so far to the store's file, with the next round. */
    void checkpointNow() {
        checkpointAsked = true;
        awaitDurable(writesBegun.incrementAndGet());
    }

    /**
     * Answers a read once every durable write it could have seen is on disk. Such a write counts itself on its
     * collection before it changes anything, so any of them this read saw is numbered at most what is counted
     * there after it.
     */
    <T> T read(Namespace namespace, Supplier<T> read) {
        T answer = read.get();
        awaitDurable(namespace.isWholeDatabase() ? writesBegun.get()
                             : Math.max(lastDurableWriteBegunOn(namespace), lastDurableWriteBegunOn(namespace.wholeDatabase())));
        return answer;
    }

    /**
     * Answers a read once everything applied before it ended is on disk, writes that did not wait included: a
     * read with {@code readConcern: "majority"}, as MongoDB answers it with what can no longer be rolled back. Such
     * readers may be shown what {@code w: 1} writers wrote, and a crash can no longer take it back. It always waits
     * for a round of its own (cheap when nothing is new: no sync).
     */
    <T> T durableRead(Supplier<T> read) {
        T answer = read.get();
        awaitDurable(writesBegun.incrementAndGet());
        return answer;
    }

    private long lastDurableWriteBegunOn(Namespace namespace) {
        AtomicLong number = lastDurableWriteBegun.get(namespace);
        return number == null ? 0 : number.get();
    }

    private void awaitDurable(long write) {
        synchronized (this) {
            while (durableUpTo < write) {
                if (!roundInProgress) {
                    roundInProgress = true;
                    break;
                }
                waitForRound();
            }
            if (durableUpTo >= write) {
                return;
            }
        }
        commitAndSyncForEveryone();
    }

    private void commitAndSyncForEveryone() {
        long onDisk = -1;
        byte[] records = null;
        try {
            long covered;
            boolean checkpoint = checkpointDue();
            applying.writeLock().lock();
            try {
                covered = writesBegun.get();
                records = journal.takePending();
                if (checkpoint) {
                    journal.markCheckpoint(store); // before compacting, which may commit on its own
                    journal.withoutRecords(checkpoints::compact);
                    store.commit();
                }
            } finally {
                applying.writeLock().unlock();
            }
            // Outside the lock: writers go on applying into the next round meanwhile.
            journal.writeAndSync(records);
            records = null;
            if (checkpoint) {
                store.sync();
                journal.startNewFile();
                lastCheckpointNanos = System.nanoTime();
                checkpointAsked = false;
            }
            onDisk = covered;
        } finally {
            if (records != null) {
                journal.giveBack(records); // the next round writes them first: no acknowledged write skips the disk
            }
            synchronized (this) {
                roundInProgress = false;
                durableUpTo = Math.max(durableUpTo, onDisk);
                notifyAll(); // after a failure, the next waiter tries a round of its own
            }
        }
    }

    private boolean checkpointDue() {
        // The cheap tests first: every round asks, and H2 answers the last by looking at every map.
        return checkpointAsked
               || (System.nanoTime() - lastCheckpointNanos >= checkpoints.interval().toNanos()
                   || journal.fileBytes() >= checkpoints.journalBytes())
                  && store.hasUnsavedChanges();
    }

    private void waitForRound() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store to reach the disk", e);
        }
    }
}
