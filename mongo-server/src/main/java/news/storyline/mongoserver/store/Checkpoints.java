package news.storyline.mongoserver.store;

import org.h2.mvstore.MVStore;

import java.time.Duration;

/**
 * When the store's file is committed, and how much of it each commit tidies up.
 *
 * @param interval     how long changes may stay in the journal alone: the longer, the more writes to one page
 *                     share its rewrite, and the longer the replay after a crash
 * @param journalBytes a journal file this large is checkpointed at once, so that a replay stays short
 * @param compaction   rewrites the live pages of chunks that are mostly garbage, a little with each checkpoint, so
 *                     that the file stays near the size of its data
 */
record Checkpoints(Duration interval, long journalBytes, Compaction compaction) {

    /**
     * A checkpoint at this interval, or every 2 MiB of journal, which bounds what waits in memory for the next
     * commit and how long a commit holds up writers: 8 writers inserting 3.5 KB documents waited p99.9 25–33 ms
     * with 2 MiB, 68–75 ms with 8 MiB, at the same rate. The file may hold twice its live data.
     */
    static Checkpoints every(Duration interval, MVStore store) {
        return new Checkpoints(interval, 2L << 20, new Compaction(store, 50, 1 << 20, 2 << 20));
    }

    void compact() {
        compaction.run(compaction.bytesPerCheckpoint());
    }

    void compactWhileQuiet() {
        compaction.run(compaction.bytesPerQuietStep());
    }

    boolean compactionDue() {
        return compaction.due();
    }

    /**
     * @param bytesPerCheckpoint live pages one checkpoint rewrites at most, holding up writers meanwhile
     * @param bytesPerQuietStep  live pages one step rewrites while nothing is written (a step every 100 ms)
     */
    record Compaction(MVStore store, int belowFillRatePercent, int bytesPerCheckpoint, int bytesPerQuietStep) {
        void run(int bytes) {
            store.compact(belowFillRatePercent, bytes);
        }

        boolean due() {
            return store.getFileStore().getChunksFillRate() < belowFillRatePercent;
        }
    }
}
