package news.storyline.story.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonInputConfigurationTest {

    record Story(String headline, Integer words) {
    }

    private final ObjectMapper json = mapper();

    @ParameterizedTest
    @ValueSource(strings = {"5", "-1", "5.5", "1e3", "true", "false"})
    void refusesScalarsWhereTextBelongs(String scalar) {
        assertThatThrownBy(() -> json.readValue("{\"headline\": " + scalar + "}", Story.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void readsTextNumbersAndNullAsBefore() throws Exception {
        assertThat(json.readValue("{\"headline\": \"5\", \"words\": 5}", Story.class)).isEqualTo(new Story("5", 5));
        assertThat(json.readValue("{\"headline\": null}", Story.class).headline()).isNull();
    }

    @Test
    void refusesTextThatIsNotPlain() {
        assertThatThrownBy(() -> json.readValue("{\"headline\": \"a\\u0000\"}", Story.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("must not contain control characters");
    }

    private static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new JsonInputConfiguration().textIsPlainTextOnly().customize(builder);
        return builder.build();
    }
}
