package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** The library's H2 backend with {@link IndexedH2Database databases whose indexes are real}. */
public final class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(MVStore store) {
        super(store);
    }

    /**
     * H2's page cache, in MiB (its default is 16). The upper levels of every index and the pages of recent events
     * are read again and again; a cache that holds them spares reading and decoding them from the file.
     */
    static final int CACHE_MIB = 128;

    /** Opens (or creates) the MVStore file and the databases in it. */
    public static IndexedH2Backend open(String fileName) {
        return new IndexedH2Backend(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MIB).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
