package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** The library's H2 backend with {@link IndexedH2Database databases whose indexes are real}. */
public final class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(MVStore store) {
        super(store);
    }

    /** Opens (or creates) the MVStore file and the databases in it. */
    public static IndexedH2Backend open(String fileName) {
        return new IndexedH2Backend(MVStore.open(fileName));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
