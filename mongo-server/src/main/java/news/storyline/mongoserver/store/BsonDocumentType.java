package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * How a collection's documents are written in the H2 file: as BSON, the format they arrived in.
 *
 * <p>H2's default writes a document it does not know with Java serialization, which describes every class again
 * for every document, and reads back slowly. Values of the older format still read (their first byte is one of H2's
 * own type tags, never {@link #BSON}); each is rewritten as BSON when its page is next written.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    /** Above every tag H2's object type writes. */
    private static final byte BSON = 127;
    private static final int OBJECT_OVERHEAD_BYTES = 24;
    private static final int ENTRY_OVERHEAD_BYTES = 40;

    private final ObjectDataType olderFormat = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document)) {
            olderFormat.write(buffer, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(4096);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return olderFormat.read(buffer);
        }
        buffer.get();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** An estimate for H2's cache and its commit threshold; measuring exactly would cost an encoding. */
    @Override
    public int getMemory(Object value) {
        return OBJECT_OVERHEAD_BYTES + estimate(value);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = OBJECT_OVERHEAD_BYTES;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += ENTRY_OVERHEAD_BYTES + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            return OBJECT_OVERHEAD_BYTES + values.stream().mapToInt(BsonDocumentType::estimate).sum();
        }
        if (value instanceof CharSequence text) {
            return OBJECT_OVERHEAD_BYTES + 2 * text.length();
        }
        return OBJECT_OVERHEAD_BYTES;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
