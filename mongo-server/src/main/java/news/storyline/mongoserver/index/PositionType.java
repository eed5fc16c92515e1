package news.storyline.mongoserver.index;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * The keys of a collection's document map: each document's {@link DocumentKey#positionFor position}, in H2's order
 * as before, each written as a {@link StoredValue}.
 */
public final class PositionType extends BasicDataType<Object> {

    private final StoredValue values = new StoredValue();

    @Override
    public int compare(Object left, Object right) {
        return values.compare(left, right);
    }

    @Override
    public int getMemory(Object position) {
        return values.getMemory(position);
    }

    @Override
    public void write(WriteBuffer buffer, Object position) {
        values.write(buffer, position);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return values.read(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
