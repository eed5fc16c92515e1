package news.storyline.brief.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InvalidSchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema check can fail: documents that break ninjs 3.1 are refused, and it never reaches for the network. */
class NinjsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptsAMinimalItem() {
        NinjsSchema.assertValid(json("""
                {"uri": "urn:storyline:story:1", "type": "text", "pubStatus": "usable",
                 "headlines": [{"value": "Заглавие"}]}"""));
    }

    /** Each document breaks ninjs 3.1 in one way, and the check says which. */
    static Stream<Arguments> brokenItems() {
        return Stream.of(
                broken("no uri: the one required property", """
                        {"type": "text"}""", "required property 'uri' not found"),
                broken("ninjs 1.x names: 3.x spells them in camel case and allows no others", """
                        {"uri": "urn:storyline:story:1", "pubstatus": "usable"}""",
                       "property 'pubstatus' is not evaluated"),
                broken("not one of usable, withheld, canceled", """
                        {"uri": "urn:storyline:story:1", "pubStatus": "withdrawn"}""",
                       "/pubStatus: does not have a value in the enumeration"),
                broken("a date-time must be one", """
                        {"uri": "urn:storyline:story:1", "versionCreated": "вчера"}""",
                       "/versionCreated: does not match the date-time pattern"),
                broken("a uri must be one", """
                        {"uri": "story 1"}""", "/uri: does not match the uri pattern"),
                broken("the version is a string", """
                        {"uri": "urn:storyline:story:1", "version": 3}""", "/version: integer found, string expected"),
                broken("ninjs 1.x shapes: a headline is an object in an array", """
                        {"uri": "urn:storyline:story:1", "headlines": ["Заглавие"]}""",
                       "/headlines/0: string found, object expected"),
                broken("an association needs a name", """
                        {"uri": "urn:storyline:story:1", "associations": [{"uri": "urn:storyline:story:2"}]}""",
                       "/associations/0: required property 'name' not found"),
                broken("an association takes only ninjs properties", """
                        {"uri": "urn:storyline:story:1",
                         "associations": [{"name": "related-to", "uri": "urn:storyline:story:2", "relation": "x"}]}""",
                       "/associations/0: property 'relation' is not evaluated"),
                broken("located is a name, not a place object", """
                        {"uri": "urn:storyline:story:1", "located": {"name": "Пхенян"}}""",
                       "/located: object found, string expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenItems")
    void refusesABrokenItem(String why, String document, String violation) {
        assertThat(NinjsSchema.violations(json(document))).anySatisfy(found -> assertThat(found).contains(violation));
    }

    /** {@code places[].geoJSON} refers to geojson.org's schema; rather than fetch it, validation fails loudly. */
    @Test
    void neverFetchesARemoteSchema() {
        JsonNode withGeoJson = json("""
                {"uri": "urn:storyline:story:1",
                 "places": [{"name": "Пхенян", "geoJSON": {"type": "Point", "coordinates": [125.75, 39.03]}}]}""");

        assertThatThrownBy(() -> NinjsSchema.violations(withGeoJson))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("geojson.org");
    }

    private static Arguments broken(String why, String document, String violation) {
        return Arguments.of(why, document, violation);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
