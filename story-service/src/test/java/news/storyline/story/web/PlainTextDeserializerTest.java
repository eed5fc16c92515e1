package news.storyline.story.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlainTextDeserializerTest {

    record Dateline(String place) {
    }

    record Hop(String source) {
    }

    record Story(String headline, String body, String lead, Dateline dateline, List<Hop> chain, List<String> tags) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(
            new SimpleModule().addDeserializer(String.class, new PlainTextDeserializer()));

    @Test
    void readsPlainTextAsJacksonDoes() throws Exception {
        Story story = json.readValue("""
                {"headline": "Заглавие", "body": "Абзац.\\n\\tОще.", "lead": "Ред.\\nРед.",
                 "dateline": {"place": "Москва"}, "chain": [{"source": "АФП"}], "tags": ["свят"]}
                """, Story.class);

        assertThat(story).isEqualTo(new Story("Заглавие", "Абзац.\n\tОще.", "Ред.\nРед.", new Dateline("Москва"),
                                              List.of(new Hop("АФП")), List.of("свят")));
    }

    @Test
    void namesWhereInTheBodyTheControlCharacterIs() {
        assertThat(refusal("{\"headline\": \"a\\u0007\"}").field()).isEqualTo("headline");
        assertThat(refusal("{\"dateline\": {\"place\": \"a\\u0000\"}}").field()).isEqualTo("dateline.place");
        assertThat(refusal("{\"chain\": [{\"source\": \"a\"}, {\"source\": \"a\\u001b\"}]}").field())
                .isEqualTo("chain[1].source");
        assertThat(refusal("{\"tags\": [\"a\", \"b\\u0085\"]}").field()).isEqualTo("tags[1]");
    }

    @Test
    void saysWhatIsWrongWithoutJacksonsLocation() {
        assertThat(refusal("{\"headline\": \"ab\\u0007\"}").getOriginalMessage())
                .isEqualTo("must not contain control characters (U+0007 at character 3)");
    }

    @Test
    void letsOnlyTheBodyAndLeadBreakLines() {
        assertThat(refusal("{\"headline\": \"a\\nb\"}").field()).isEqualTo("headline");
        assertThat(refusal("{\"dateline\": {\"place\": \"a\\tb\"}}").field()).isEqualTo("dateline.place");
        assertThat(refusal("{\"tags\": [\"a\\nb\"]}").field()).isEqualTo("tags[0]");
        assertThat(refusal("{\"body\": \"a\\rb\"}").field()).isEqualTo("body");
    }

    @Test
    void readsNullAsNull() throws Exception {
        assertThat(json.readValue("{\"headline\": null}", Story.class).headline()).isNull();
    }

    private NotPlainTextException refusal(String body) {
        return catchThrowableOfType(NotPlainTextException.class, () -> json.readValue(body, Story.class));
    }
}
