package news.storyline.mongoserver.index;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/** Where an index keeps its maps: the store opens and drops them so that its journal sees every change. */
public interface IndexMaps {

    /** Opens, or creates, the map with keys of this type (values of any). */
    <K, V> MVMap<K, V> open(String name, DataType<K> keyType);

    void drop(MVMap<?, ?> map);
}
