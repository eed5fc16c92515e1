package news.storyline.mongoserver.store;

import news.storyline.mongoserver.index.IndexEntries;
import news.storyline.mongoserver.index.PositionType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Names each kind of key and value a map of the store holds, so that a {@link Journal} record can be read back
 * before any collection or index is open.
 */
final class MapTypes {

    private static final String OBJECT = "object";
    private static final String POSITION = "position";
    private static final String BSON = "bson";

    String describe(DataType<?> type) {
        if (type instanceof ObjectDataType) {
            return OBJECT;
        }
        if (type instanceof PositionType) {
            return POSITION;
        }
        if (type instanceof BsonDocumentType) {
            return BSON;
        }
        return IndexEntries.describe(type)
                           .orElseThrow(() -> new IllegalArgumentException("no journal name for " + type.getClass()));
    }

    DataType<?> type(String description) {
        return switch (description) {
            case OBJECT -> new ObjectDataType();
            case POSITION -> new PositionType();
            case BSON -> new BsonDocumentType();
            default -> IndexEntries.type(description)
                                   .orElseThrow(() -> new IllegalArgumentException("unknown journal type " + description));
        };
    }
}
