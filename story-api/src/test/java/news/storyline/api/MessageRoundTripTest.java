package news.storyline.api;

import news.storyline.eventstore.StorylineJson;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message survives the event store's serializer unchanged, and none is left without a sample. */
class MessageRoundTripTest {

    private final Serializer serializer = StorylineJson.serializer();

    static List<Object> samples() {
        return MessageSamples.ALL;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void survivesSerialization(Object message) {
        SerializedObject<String> written = serializer.serialize(message, String.class);

        Object read = serializer.deserialize(written);

        assertThat(read).isEqualTo(message);
    }

    @Test
    void everyMessageHasASample() {
        Set<String> sampled = MessageSamples.ALL.stream().map(m -> m.getClass().getName()).collect(Collectors.toSet());

        assertThat(messageClasses()).isNotEmpty().allSatisfy(name -> assertThat(sampled).contains(name));
    }

    @Test
    void everyEventHasARevision() {
        assertThat(messageClasses()).filteredOn(name -> name.endsWith("Event")).isNotEmpty()
                                    .allSatisfy(name -> assertThat(Class.forName(name).getAnnotation(Revision.class))
                                            .as(name).isNotNull());
    }

    @Test
    void everyMessageIsARecord() {
        assertThat(messageClasses()).allSatisfy(name -> assertThat(Class.forName(name).isRecord()).as(name).isTrue());
    }

    /** The classes of the published language, found on the classpath. */
    private static Set<String> messageClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Object.class));
        return scanner.findCandidateComponents("news.storyline.api").stream()
                      .map(definition -> definition.getBeanClassName())
                      .filter(name -> isPublished(name))
                      .collect(Collectors.toSet());
    }

    /**
     * A class of the module's main code (not of these tests) that carries data (not an enum of constants, not an
     * exception), outside the reference data, the rules of the messages' fields (a slug's form) and the upcasters
     * that travel with the messages.
     */
    private static boolean isPublished(String name) {
        try {
            Class<?> type = Class.forName(name);
            String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
            return !type.isEnum() && !location.contains("test-classes") && !Throwable.class.isAssignableFrom(type)
                    && !name.startsWith("news.storyline.api.source.") && !name.startsWith("news.storyline.api.upcasting.")
                    && !name.startsWith("news.storyline.api.rules.")
                    && type.getEnclosingClass() == null;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
