package news.storyline.mongoserver.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

import java.util.Map;

/**
 * A map of the store whose every change is appended to the {@link Journal}: each put or remove (every change of
 * an {@link MVMap} goes through {@link #operate}) as the key's value after it. The map's own lock keeps the
 * journal's order of one key's records the order in which they were applied.
 */
final class JournaledMap<K, V> extends MVMap<K, V> {

    private final Journal journal;

    private JournaledMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType, Journal journal) {
        super(config, keyType, valueType);
        this.journal = journal;
    }

    @Override
    public synchronized V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
        V previous = super.operate(key, value, decisionMaker);
        V current = get(key);
        if (current != previous) {
            journal.changed(this, key, current);
        }
        return previous;
    }

    @Override
    public synchronized void clear() {
        super.clear();
        journal.cleared(this);
    }

    /** Opens maps as journaled ones. */
    static final class Builder<K, V> extends BasicBuilder<JournaledMap<K, V>, K, V> {

        private final Journal journal;

        Builder(Journal journal) {
            this.journal = journal;
        }

        @Override
        protected JournaledMap<K, V> create(Map<String, Object> config) {
            return new JournaledMap<>(config, getKeyType(), getValueType(), journal);
        }
    }
}
