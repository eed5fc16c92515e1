package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import news.storyline.mongoserver.index.PositionType;
import news.storyline.mongoserver.index.SortedIndex;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The library's H2 database, with every index, unique or not, a {@link SortedIndex} kept in the same file.
 *
 * <p>Data and metadata maps are named as the library names them ({@code databases.<db>.<collection>},
 * {@code meta.<db>.<collection>}), so files it wrote open here. Its own unique-index maps
 * ({@code <db>.<collection>._index_<name>}) are not used: on first open the sorted index is built from the
 * documents and the old map is removed.
 */
final class IndexedH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    /** The entry format's version: a change of order or encoding takes a new name, and the index is rebuilt. */
    private static final String INDEX_MAP_INFIX = "._sorted1_";
    private static final String LIBRARY_INDEX_MAP_INFIX = "._index_";

    private final MVStore store;
    private final JournaledStore maps;

    IndexedH2Database(String databaseName, MVStore store, JournaledStore maps, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        this.maps = maps;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return openIndex(collectionName, indexName, keys, sparse, true);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return openIndex(collectionName, indexName, keys, sparse, false);
    }

    private Index<Object> openIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse,
                                    boolean unique) {
        String libraryMap = getFullCollectionNamespace(collectionName) + LIBRARY_INDEX_MAP_INFIX + indexName;
        maps.drop(libraryMap);
        IndexedH2Collection collection = (IndexedH2Collection) resolveOrCreateCollection(collectionName);
        return SortedIndex.open(maps, indexMapName(collectionName, indexName), indexName, keys, sparse, unique,
                                collection::positionOf);
    }

    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = maps.open(DATABASES_PREFIX + fullName, new PositionType(),
                                                    new BsonDocumentType());
        MVMap<String, Object> metaMap = maps.open(META_PREFIX + fullName, null, null);
        return new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        store.getMapNames().stream()
             .filter(name -> name.startsWith(databaseName + ".")
                     || name.startsWith(DATABASES_PREFIX + databaseName + ".")
                     || name.startsWith(META_PREFIX + databaseName + "."))
             .forEach(maps::drop);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        maps.drop(DATABASES_PREFIX + fullName);
        maps.drop(META_PREFIX + fullName);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldName = collection.getFullName();
        String newName = getFullCollectionNamespace(newCollectionName);
        maps.rename(DATABASES_PREFIX + oldName, DATABASES_PREFIX + newName);
        maps.rename(META_PREFIX + oldName, META_PREFIX + newName);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
