package news.storyline.brief.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * Writes a string that already is JSON into the answer as it is: the feed's CloudEvents are served exactly as
 * stored, never parsed and written again.
 */
class RawJsonSerializer extends StdSerializer<String> {

    RawJsonSerializer() {
        super(String.class);
    }

    @Override
    public void serialize(String json, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeRawValue(json);
    }
}
