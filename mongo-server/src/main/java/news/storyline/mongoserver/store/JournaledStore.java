package news.storyline.mongoserver.store;

import news.storyline.mongoserver.index.IndexMaps;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/** Opens, drops and renames the store's maps so that the {@link Journal} records every change to them. */
final class JournaledStore implements IndexMaps {

    private final MVStore store;
    private final Journal journal;

    JournaledStore(MVStore store, Journal journal) {
        this.store = store;
        this.journal = journal;
    }

    <K, V> MVMap<K, V> open(String name, DataType<? super K> keyType, DataType<? super V> valueType) {
        JournaledMap.Builder<K, V> builder = new JournaledMap.Builder<>(journal);
        if (keyType != null) {
            builder.keyType(keyType);
        }
        if (valueType != null) {
            builder.valueType(valueType);
        }
        return store.openMap(name, builder);
    }

    @Override
    public <K, V> MVMap<K, V> open(String name, DataType<K> keyType) {
        return open(name, keyType, null);
    }

    @Override
    public void drop(MVMap<?, ?> map) {
        String name = map.getName();
        store.removeMap(map);
        journal.droppedMap(name);
    }

    void drop(String name) {
        if (store.hasMap(name)) {
            store.removeMap(name);
            journal.droppedMap(name);
        }
    }

    /** Renames a map that is open (a collection's, whose types it was opened with) or opens it with plain types. */
    void rename(String name, String newName) {
        MVMap<Object, Object> map = open(name, null, null);
        store.renameMap(map, newName);
        journal.renamedMap(name, map, newName);
    }
}
