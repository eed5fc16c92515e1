package news.storyline.mongoserver.index;

import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StoredValueTest {

    private final StoredValue values = new StoredValue();

    static List<Object> values() {
        return List.of(new ObjectId(), new DocumentKey("{\"key\":s\"Пхенян-1\"}"), "Пхенян", 42L, 7, 2.5, true,
                       new Date(1_700_000_000_000L), UUID.randomUUID(), Instant.parse("2026-12-07T06:00:00Z"),
                       Instant.parse("1969-07-20T20:17:40.123Z"), Instant.ofEpochSecond(1_800_000_000L, 999_999_999));
    }

    @ParameterizedTest
    @MethodSource("values")
    void readsBackWhatItWrote(Object value) {
        assertThat(values.read(written(value, values::write))).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("values")
    void readsWhatH2sOwnEncodingWroteBefore(Object value) {
        ObjectDataType h2 = new ObjectDataType();

        assertThat(values.read(written(value, h2::write))).isEqualTo(value);
    }

    @Test
    void writesAnObjectIdInThirteenBytesInsteadOfJavaSerialization() {
        ObjectId id = new ObjectId();

        assertThat(written(id, values::write).remaining()).isEqualTo(13);
        assertThat(written(id, new ObjectDataType()::write).remaining()).isGreaterThan(60);
    }

    @Test
    void writesADateInAFewBytesInsteadOfJavaSerialization() {
        Instant filedAt = Instant.parse("2026-12-07T06:00:00.250Z");

        assertThat(written(filedAt, values::write).remaining()).isLessThan(12);
        assertThat(written(filedAt, new ObjectDataType()::write).remaining()).isGreaterThan(40);
    }

    @Test
    void keepsH2sOrderSoThatMapsWrittenBeforeStillFindTheirKeys() {
        ObjectId first = new ObjectId("5f0000000000000000000001");
        ObjectId second = new ObjectId("5f0000000000000000000002");

        assertThat(values.compare(first, second)).isNegative();
        assertThat(values.compare("a", "b")).isEqualTo(new ObjectDataType().compare("a", "b"));
    }

    private interface Encoding {
        void write(WriteBuffer buffer, Object value);
    }

    private static ByteBuffer written(Object value, Encoding encoding) {
        WriteBuffer buffer = new WriteBuffer();
        encoding.write(buffer, value);
        return buffer.getBuffer().flip();
    }
}
