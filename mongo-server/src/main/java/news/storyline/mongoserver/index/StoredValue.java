package news.storyline.mongoserver.index;

import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * How a document id or an index key is written in the H2 file: H2's own object encoding, but for the three kinds it
 * does not know, which it would write with Java serialization. Those are the ids a client leaves to the driver
 * ({@link ObjectId}), ids that are documents ({@link DocumentKey}) and dates ({@link Instant}, as the library
 * decodes a BSON date): every index entry and every document key of a read model's collection holds one, and every
 * index on a time (a thread's timeline, the news list) holds a date; a commit writes again every entry of each page
 * it touches. Java serialization describes the class anew for each value: it took a tenth of the store's CPU under
 * a write load for ids, and a twelfth for dates.
 *
 * <p>Each is written behind a tag H2's encoding never starts with (its tags end at 119), so values written before
 * this encoding existed still read.
 */
final class StoredValue {

    private static final byte OBJECT_ID = 126;
    private static final byte DOCUMENT_KEY = 125;
    private static final byte INSTANT = 124;
    private static final int OBJECT_ID_BYTES = 12;

    private final ObjectDataType h2 = new ObjectDataType();

    void write(WriteBuffer buffer, Object value) {
        if (value instanceof ObjectId id) {
            buffer.put(OBJECT_ID).put(id.toByteArray());
        } else if (value instanceof DocumentKey key) {
            String text = key.canonical();
            buffer.put(DOCUMENT_KEY).putVarInt(text.length()).putStringData(text, text.length());
        } else if (value instanceof Instant instant) {
            buffer.put(INSTANT).putVarLong(instant.getEpochSecond()).putVarInt(instant.getNano());
        } else {
            h2.write(buffer, value);
        }
    }

    Object read(ByteBuffer buffer) {
        byte tag = buffer.get(buffer.position());
        if (tag == OBJECT_ID) {
            byte[] bytes = new byte[OBJECT_ID_BYTES];
            buffer.get();
            buffer.get(bytes);
            return new ObjectId(bytes);
        }
        if (tag == DOCUMENT_KEY) {
            buffer.get();
            return new DocumentKey(DataUtils.readString(buffer, DataUtils.readVarInt(buffer)));
        }
        if (tag == INSTANT) {
            buffer.get();
            return Instant.ofEpochSecond(DataUtils.readVarLong(buffer), DataUtils.readVarInt(buffer));
        }
        return h2.read(buffer);
    }

    /** H2's order, unchanged, so that maps written before still find their keys. */
    int compare(Object left, Object right) {
        return h2.compare(left, right);
    }

    int getMemory(Object value) {
        return h2.getMemory(value);
    }
}
