package news.storyline.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one JSON format of stored messages. It is Axon's alone, apart from the web layer's, so that a change to how
 * the API renders JSON never changes what is in the event store.
 */
public final class StorylineJson {

    private StorylineJson() {
    }

    public static ObjectMapper storageMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Old events meet new code: a field that was removed must not stop them from loading.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder()
                                .objectMapper(storageMapper())
                                .revisionResolver(new AnnotationRevisionResolver())
                                .build();
    }
}
