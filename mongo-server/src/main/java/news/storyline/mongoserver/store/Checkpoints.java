package news.storyline.mongoserver.store;

import org.h2.mvstore.MVStore;

import java.time.Duration;

/**
 * When the store's file is committed, and how much of it is tidied up meanwhile: compaction rewrites the live pages
 * of chunks that are mostly garbage, so that the file stays near the size of its data (it may hold twice as much).
 *
 * @param interval           how long changes may stay in the journal alone: the longer, the more writes to one page
 *                           share its rewrite, and the longer the replay after a crash
 * @param journalBytes       a journal file this large is checkpointed at once
 * @param bytesPerCheckpoint live pages one checkpoint rewrites at most, holding up writers meanwhile
 * @param bytesPerQuietStep  live pages one step rewrites while nothing is written (a step every 100 ms)
 */
record Checkpoints(MVStore store, Duration interval, long journalBytes, int bytesPerCheckpoint,
                   int bytesPerQuietStep) {

    private static final int COMPACT_BELOW_FILL_RATE_PERCENT = 50;

    /**
     * A checkpoint at this interval, or every 2 MiB of journal, which bounds what waits in memory for the next
     * commit and how long a commit holds up writers: 8 writers inserting 3.5 KB documents waited p99.9 25–33 ms
     * with 2 MiB, 68–75 ms with 8 MiB, at the same rate.
     */
    static Checkpoints every(Duration interval, MVStore store) {
        return new Checkpoints(store, interval, 2L << 20, 1 << 20, 2 << 20);
    }

    void compact() {
        store.compact(COMPACT_BELOW_FILL_RATE_PERCENT, bytesPerCheckpoint);
    }

    void compactWhileQuiet() {
        store.compact(COMPACT_BELOW_FILL_RATE_PERCENT, bytesPerQuietStep);
    }

    boolean compactionDue() {
        return store.getFileStore().getChunksFillRate() < COMPACT_BELOW_FILL_RATE_PERCENT;
    }
}
