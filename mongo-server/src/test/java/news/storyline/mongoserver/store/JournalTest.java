package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.bson.Document;
import news.storyline.mongoserver.index.PositionType;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash leaves: the store's file as of its last checkpoint, and the journal. Each test writes through
 * journaled maps, syncs the journal as a round does, and "crashes" by closing the file without committing it.
 */
class JournalTest {

    @TempDir
    Path directory;

    private Path storeFile() {
        return directory.resolve("storyline.mv");
    }

    @Test
    void changesAfterTheLastCheckpointAreReplayedInOrderAfterACrash() {
        Opened store = open();
        MVMap<Object, Object> events = store.maps.open("databases.db.events", new PositionType(), new BsonDocumentType());
        MVMap<String, Object> meta = store.maps.open("meta.db.events", null, null);
        events.put(1L, new Document("headline", "Пхенян отговори"));
        events.put(2L, new Document("headline", "first version"));
        events.put(2L, new Document("headline", "corrected"));
        events.put(3L, new Document("headline", "withdrawn"));
        events.remove(3L);
        meta.put("dataSize", 42L);
        store.maps.open("databases.db.gone", null, null).put("k", "v");
        store.maps.drop("databases.db.gone");
        store.syncJournalAndCrash();

        Opened reopened = open();
        MVMap<Object, Object> replayed = reopened.maps.open("databases.db.events", new PositionType(), new BsonDocumentType());
        assertThat(replayed.get(1L)).isEqualTo(new Document("headline", "Пхенян отговори"));
        assertThat(replayed.get(2L)).isEqualTo(new Document("headline", "corrected"));
        assertThat(replayed.containsKey(3L)).isFalse();
        assertThat(reopened.maps.open("meta.db.events", null, null).get("dataSize")).isEqualTo(42L);
        assertThat(reopened.store.hasMap("databases.db.gone")).isFalse();
        reopened.close();
    }

    @Test
    void whatACheckpointIncludesIsNotAppliedAgainEvenIfItsJournalWasNotYetDeleted() {
        Opened store = open();
        store.maps.open("a", null, null).put("k1", "before the rename");
        store.maps.rename("a", "b");
        store.commitWithoutStartingANewJournal(); // a crash right after the checkpoint's sync
        store.maps.open("a", null, null).put("k2", "a new a");
        store.syncJournalAndCrash();

        Opened reopened = open();
        assertThat(reopened.maps.open("b", null, null)).containsOnlyKeys("k1");
        assertThat(reopened.maps.open("a", null, null)).containsOnlyKeys("k2");
        reopened.close();
    }

    @Test
    void aCollectionRenamedAfterTheCheckpointIsReadBackWithItsOwnTypes() {
        Opened store = open();
        store.maps.open("databases.db.old", new PositionType(), new BsonDocumentType())
                  .put("story-1", new Document("headline", "Пхенян"));
        store.commitWithoutStartingANewJournal();
        store.maps.rename("databases.db.old", "databases.db.new");
        store.syncJournalAndCrash();

        Opened reopened = open();
        assertThat(reopened.maps.open("databases.db.new", new PositionType(), new BsonDocumentType()).get("story-1"))
                .isEqualTo(new Document("headline", "Пхенян"));
        assertThat(reopened.store.hasMap("databases.db.old")).isFalse();
        reopened.close();
    }

    @Test
    void aTornRecordAtTheEndOfTheJournalEndsTheReplay() throws IOException {
        Opened store = open();
        MVMap<String, Object> map = store.maps.open("m", null, null);
        map.put("acknowledged", 1);
        store.syncJournalAndCrash();
        Opened again = open(); // replays and starts a new journal
        again.maps.open("m", null, null).put("torn", 2);
        again.syncJournalAndCrash();
        Path newest = journalFiles().get(journalFiles().size() - 1);
        try (FileChannel file = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            file.truncate(Files.size(newest) - 3);
        }

        Opened reopened = open();
        assertThat(reopened.maps.open("m", null, null)).containsOnlyKeys("acknowledged");
        reopened.close();
    }

    @Test
    void recordsARoundCouldNotWriteAreWrittenByTheNextAheadOfLaterOnes() {
        Opened store = open();
        MVMap<String, Object> map = store.maps.open("m", null, null);
        map.put("a", 1);
        map.put("b", 1);
        store.journal.giveBack(store.journal.takePending()); // as a round whose write failed
        map.put("a", 2);
        store.syncJournalAndCrash();

        Opened reopened = open();
        assertThat(reopened.maps.open("m", null, null)).containsEntry("a", 2).containsEntry("b", 1);
        reopened.close();
    }

    @Test
    void aCleanCloseLeavesNothingToReplay() throws IOException {
        Opened store = open();
        store.maps.open("m", null, null).put("k", "v");
        store.checkpointAndClose();

        assertThat(journalFiles()).allSatisfy(file -> assertThat(Files.size(file)).isZero());
        Opened reopened = open();
        assertThat(reopened.maps.open("m", null, null)).containsEntry("k", "v");
        reopened.close();
    }

    private List<Path> journalFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().contains(".journal.")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Opened open() {
        MVStore recovering = new MVStore.Builder().fileName(storeFile().toString()).autoCommitDisabled().open();
        Journal journal = Journal.recover(recovering, storeFile(), new MapTypes());
        recovering.close();
        MVStore store = new MVStore.Builder().fileName(storeFile().toString()).autoCommitDisabled().open();
        return new Opened(store, journal, new JournaledStore(store, journal));
    }

    private record Opened(MVStore store, Journal journal, JournaledStore maps) {

        void syncJournalAndCrash() {
            journal.writeAndSync(journal.takePending());
            store.closeImmediately();
            journal.close();
        }

        void commitWithoutStartingANewJournal() {
            byte[] records = journal.takePending();
            journal.markCheckpoint(store);
            store.commit();
            journal.writeAndSync(records);
            store.sync();
        }

        void checkpointAndClose() {
            commitWithoutStartingANewJournal();
            journal.startNewFile();
            close();
        }

        void close() {
            store.close();
            journal.close();
        }
    }
}
