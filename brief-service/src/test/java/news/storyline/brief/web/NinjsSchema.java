package news.storyline.brief.web;

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
 * IPTC's published ninjs 3.1 schema (JSON Schema draft 2020-12), read from this module's test resources and never
 * from the network: the schema's own {@code $id} is mapped to the copy in {@code src/test/resources/schemas/}, the
 * 2020-12 meta-schema is the one the validator ships, and any other schema is refused with an error instead of being
 * fetched. The only such reference in ninjs 3.1 is {@code places[].geoJSON} (to geojson.org's GeoJSON schema), which
 * Storyline's documents do not use; one that did would fail validation until that schema is bundled here too.
 * Formats ({@code uri}, {@code date-time}) are asserted, not just annotated as draft 2020-12 would by default.
 */
final class NinjsSchema {

    /** The schema's {@code $id}, as IPTC publishes it. */
    static final String ID = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";

    private static final String IPTC_NINJS = "http://www.iptc.org/std/ninjs/";
    private static final String LOCAL_COPIES = "classpath:schemas/";

    private static final JsonSchema SCHEMA = load();

    private NinjsSchema() {
    }

    /** Every way {@code document} breaks the schema; empty when it is valid ninjs 3.1. */
    static Set<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream()
                     .map(ValidationMessage::toString)
                     .collect(Collectors.toCollection(TreeSet::new));
    }

    static void assertValid(JsonNode document) {
        assertThat(violations(document)).as("ninjs 3.1 violations of %s", document.toPrettyString()).isEmpty();
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(IPTC_NINJS, LOCAL_COPIES))
                // Consulted after the mappings above and the validator's own meta-schema mapping: anything still
                // not on the classpath would be fetched from the network, so it is refused instead.
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                        iri -> iri.toString().startsWith("classpath:")))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                // Resolve references as a document reaches them: preloading would resolve places[].geoJSON's
                // reference to geojson.org for every document, though Storyline's documents carry no GeoJSON.
                .preloadJsonSchema(false)
                .build();
        return factory.getSchema(SchemaLocation.of(ID), config);
    }
}
