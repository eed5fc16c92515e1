package news.storyline.brief.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema check can fail: events that break the CloudEvents 1.0 JSON format are refused, and it says why. */
class CloudEventsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no id                    | {"specversion": "1.0", "source": "/s", "type": "t"}                          | required property 'id' not found
            an empty type            | {"specversion": "1.0", "id": "1", "source": "/s", "type": ""}                | /type: must be at least 1 characters long
            a source that is no URI  | {"specversion": "1.0", "id": "1", "source": "/a b", "type": "t"}             | /source: does not match the uri-reference pattern
            a time that is no time   | {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "time": "вчера"} | /time: does not match the date-time pattern
            """)
    void refusesABrokenEvent(String why, String event, String violation) throws Exception {
        JsonNode broken = JSON.readTree(event);

        assertThat(CloudEventsSchema.violations(broken)).anySatisfy(found -> assertThat(found).contains(violation));
    }
}
