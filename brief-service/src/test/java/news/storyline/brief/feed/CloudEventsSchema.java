package news.storyline.brief.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudEvents 1.0 JSON format's published schema (draft-07), read from this module's test resources and never
 * from the network, as {@code NinjsSchema} reads ninjs. Formats ({@code uri-reference}, {@code date-time}) are
 * asserted.
 */
public final class CloudEventsSchema {

    private static final String LOCATION = "classpath:schemas/cloudevents-1.0.json";

    private static final JsonSchema SCHEMA = load();

    private CloudEventsSchema() {
    }

    /** Every way {@code event} breaks the schema; empty when it is a valid CloudEvent in JSON. */
    public static Set<String> violations(JsonNode event) {
        return SCHEMA.validate(event).stream()
                     .map(ValidationMessage::toString)
                     .collect(Collectors.toCollection(TreeSet::new));
    }

    public static void assertValid(JsonNode event) {
        assertThat(violations(event)).as("CloudEvents 1.0 violations of %s", event.toPrettyString()).isEmpty();
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
                // The draft-07 meta-schema is mapped to the validator's own copy before this is consulted.
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                        iri -> iri.toString().startsWith("classpath:")))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(LOCATION), config);
    }
}
