package news.storyline.story.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import news.storyline.story.config.JsonInputConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Arbitrary JSON against the request record of every write, read as story-service reads it (its {@code ObjectMapper}
 * from {@code spring.jackson.*} and {@link JsonInputConfiguration}, its validator): whatever arrives is either refused
 * as the client's mistake (a {@link JsonProcessingException}, answered {@code 400 malformed-body}, or a constraint
 * violation, answered {@code 400 invalid-request}), or accepted; never an exception that would be a {@code 500}.
 * And what is accepted holds only plain text and instants a read model can store.
 */
class WriteRequestBodiesTest {

    private static final ConfigurableApplicationContext CONTEXT = new SpringApplicationBuilder(
            JacksonAutoConfiguration.class, ValidationAutoConfiguration.class, JsonInputConfiguration.class)
            .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
            .properties("spring.main.lazy-initialization=true")
            .run();
    private static final ObjectMapper JSON = CONTEXT.getBean(ObjectMapper.class);
    private static final Validator VALIDATOR = CONTEXT.getBean(Validator.class);

    /** Every write's body and its fields; a nested object's fields as a map. */
    private static final Map<Class<?>, Map<String, Object>> WRITES = Map.of(
            FileStoryRequest.class, Map.of("headline", "", "lead", "", "body", "", "language", "language", "desk", "",
                    "dateline", Map.of("place", "", "at", "instant")),
            UpdateStoryRequest.class, Map.of("headline", "", "lead", "", "body", "", "kind", "kind", "note", ""),
            AttributionRequest.class, Map.of("chain", List.of(Map.of("source", "", "role", "role"))),
            LinkRequest.class, Map.of("thread", "", "story", "", "relation", "relation"),
            OpenThreadRequest.class, Map.of("slug", "", "title", "", "description", ""),
            RenameThreadRequest.class, Map.of("title", "", "description", ""),
            WithdrawalRequest.class, Map.of("reason", ""));

    @AfterContainer
    static void close() {
        CONTEXT.close();
    }

    @Property(tries = 2000)
    void everyBodyIsAcceptedOrRefusedAsTheClientsMistake(@ForAll("bodies") Body sent,
                                                         @ForAll("damage") int damage) throws Exception {
        Class<?> write = sent.write();
        String body = render(sent.shape(), damage);
        Object request;
        try {
            request = JSON.readValue(body, write);
        } catch (InvalidDefinitionException notTheClientsFault) {
            fail("%s: %s is a server error: %s", write.getSimpleName(), body, notTheClientsFault);
            return;
        } catch (JsonProcessingException refused) {
            Statistics.collect("malformed-body");
            return;
        } catch (RuntimeException unexpected) {
            fail("%s: %s is a server error: %s", write.getSimpleName(), body, unexpected);
            return;
        }
        if (request == null) {
            return; // "null" as the body: Spring refuses a missing body before validation
        }
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        Statistics.collect(violations.isEmpty() ? "accepted" : "invalid-request");
        if (violations.isEmpty()) {
            assertStorable(request, write.getSimpleName() + " " + body);
        }
    }

    /** Everything a validated request holds can be written as an event and projected. */
    private static void assertStorable(Object value, String context) throws Exception {
        if (value instanceof String text) {
            assertThat(PlainText.problemInParagraphs(text)).as(context).isEmpty();
        } else if (value instanceof Instant instant) {
            assertThat(instant).as(context).isBetween(StoryLimits.EARLIEST, StoryLimits.LATEST);
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                assertStorable(element, context);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                component.getAccessor().setAccessible(true);
                assertStorable(component.getAccessor().invoke(value), context);
            }
        }
    }

    /** A write and the JSON sent to it. */
    record Body(Class<?> write, Object shape) {
    }

    /**
     * A write, and a body shaped like its record with each field absent or any value (nested objects and lists
     * likewise); now and then the wrong shape altogether, or a field no write has.
     */
    @Provide
    Arbitrary<Body> bodies() {
        return Arbitraries.of(List.copyOf(WRITES.keySet())).flatMap(write -> Arbitraries.frequencyOf(
                Tuple.of(12, shaped(WRITES.get(write))),
                Tuple.of(1, value(2)),
                Tuple.of(1, shaped(WRITES.get(write)).map(shape -> {
                    Map<String, Object> extra = new java.util.LinkedHashMap<>((Map<String, Object>) shape);
                    extra.put("filedBy", "someone-else");
                    return (Object) extra;
                }))).map(shape -> new Body(write, shape)));
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> shaped(Object template) {
        if (template instanceof Map<?, ?> fields) {
            List<Arbitrary<Map.Entry<String, Object>>> entries = new ArrayList<>();
            for (Map.Entry<String, Object> field : ((Map<String, Object>) fields).entrySet()) {
                Arbitrary<Object> value = Arbitraries.frequencyOf(
                        Tuple.of(15, shaped(field.getValue())),
                        Tuple.of(1, value(1)));
                entries.add(value.injectNull(0.05).map(v -> v == null ? null : Map.entry(field.getKey(), v)));
            }
            return Combinators.combine(entries).as(list -> {
                Map<String, Object> body = new java.util.LinkedHashMap<>();
                list.stream().filter(java.util.Objects::nonNull).forEach(e -> body.put(e.getKey(), e.getValue()));
                return (Object) body;
            });
        }
        if (template instanceof List<?> elements) {
            return shaped(elements.get(0)).list().ofMaxSize(12).map(list -> (Object) list);
        }
        Arbitrary<Object> hinted = switch (String.valueOf(template)) {
            case "instant" -> instant();
            case "language" -> Arbitraries.of("bg", "en-GB", "ru");
            case "kind" -> Arbitraries.of("UPDATE", "CORRECTION");
            case "role" -> Arbitraries.of("ORIGINATOR", "CARRIER", "CITED_BY");
            case "relation" -> Arbitraries.of("FOLLOW_UP_OF", "RELATED_TO", "UPDATE_OF", "BACKGROUND_TO");
            default -> null;
        };
        if (hinted != null) {
            return Arbitraries.frequencyOf(Tuple.of(6, hinted), Tuple.of(1, value(0)));
        }
        return Arbitraries.frequencyOf(Tuple.of(6, fitting().map(v -> (Object) v)),
                Tuple.of(1, value(0)));
    }

    /** 0: sent as rendered; otherwise the body cut short, or a character replaced, at that position. */
    @Provide
    Arbitrary<Integer> damage() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.integers().between(-400, 400)));
    }

    private static Arbitrary<Object> value(int depth) {
        List<Arbitrary<?>> kinds = new ArrayList<>(List.of(
                text(), text(), fitting(), instant(), instant(),
                Arbitraries.of("UPDATE", "CORRECTION", "ORIGINATOR", "CITED_BY", "CARRIER", "FOLLOW_UP_OF",
                        "RELATED_TO", "update", "", " ", "NONE"),
                Arbitraries.of(0, -1, 1, 42, Integer.MAX_VALUE, Long.MAX_VALUE, 1.5, -0.0, 1e308, 1e-308),
                Arbitraries.of(true, false),
                Arbitraries.just(JsonLiteral.NULL),
                Arbitraries.of(new JsonLiteral("1e99999"), new JsonLiteral("-1e99999"),
                        new JsonLiteral("123456789012345678901234567890"), new JsonLiteral("NaN"),
                        new JsonLiteral("Infinity"), new JsonLiteral("0x10"), new JsonLiteral("01"),
                        new JsonLiteral("{\"$gt\": \"\"}"), new JsonLiteral("{\"$where\": \"sleep(1000)\"}"),
                        new JsonLiteral("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"),
                        new JsonLiteral("\"\\ud800\""), new JsonLiteral("\"\\udc00x\""), new JsonLiteral("\"\\u0000\""),
                        new JsonLiteral("\"a\\u0085b\""), new JsonLiteral("\"\\u202e\""),
                        new JsonLiteral("\"" + "я".repeat(1001) + "\"")),
                Arbitraries.of(StoryLimits.HEADLINE, StoryLimits.PLACE, StoryLimits.NOTE)
                        .map(length -> new JsonLiteral("\"" + "ж".repeat(length + 1) + "\""))));
        if (depth > 0) {
            kinds.add(Arbitraries.maps(Arbitraries.of("place", "at", "source", "role", "$gt", "x"), value(depth - 1))
                    .ofMaxSize(3));
            kinds.add(value(depth - 1).list().ofMaxSize(12));
        }
        return Arbitraries.oneOf(kinds.stream().map(kind -> kind.map(v -> (Object) v)).toList());
    }

    /** Any characters, control characters and lone surrogates among them, long and short. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    /** Text a newsroom would send, so that bodies also get past the first refusal. */
    private static Arbitrary<String> fitting() {
        return Arbitraries.oneOf(Arbitraries.of("Пхенян", "Заглавие", "bg", "en-GB", "world", "afp", "КЦТА",
                        "mirnite-pregovori", "Лийд.\nВтори ред.", "x"),
                Arbitraries.strings().withCharRange('а', 'я').withChars(' ', '-').ofMinLength(1).ofMaxLength(120));
    }

    private static Arbitrary<Object> instant() {
        return Arbitraries.oneOf(
                Arbitraries.of("+300000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
                        "1899-12-31T23:59:59Z", "1900-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                        "2025-02-30T00:00:00Z", "2025-06-01T12:00:00+25:00", "2025-06-01", "now", "",
                        "2025-06-01T12:00:00.123456789Z", "0000-01-01T00:00:00Z").map(s -> (Object) s),
                Arbitraries.of(-62135596800L, 253402300800L, 9_999_999_999_999L, Long.MIN_VALUE, Long.MAX_VALUE,
                        1.0e20, -1.0e20, 1.7e308).map(n -> (Object) n),
                Combinators.combine(Arbitraries.integers().between(1850, 10050), Arbitraries.integers().between(1, 12))
                        .as((year, month) -> (Object) String.format("%04d-%02d-01T00:00:00Z", year, month)));
    }

    /** Raw JSON text, written as it is. */
    private record JsonLiteral(String json) {
        static final JsonLiteral NULL = new JsonLiteral("null");
    }

    private static String render(Object shape, int damage) {
        StringBuilder json = new StringBuilder();
        renderValue(shape, json);
        String body = json.toString();
        if (damage > 0 && damage < body.length()) {
            body = body.substring(0, damage);
        } else if (damage < 0 && -damage < body.length()) {
            int at = -damage;
            body = body.substring(0, at) + "\"}],:{[".charAt(at % 7) + body.substring(at + 1);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static void renderValue(Object value, StringBuilder json) {
        if (value instanceof JsonLiteral literal) {
            json.append(literal.json());
        } else if (value instanceof String text) {
            try {
                json.append(new ObjectMapper().writeValueAsString(text));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> field : ((Map<String, Object>) map).entrySet()) {
                json.append(first ? "" : ",");
                first = false;
                renderValue(field.getKey(), json);
                json.append(':');
                renderValue(field.getValue(), json);
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ",");
                renderValue(list.get(i), json);
            }
            json.append(']');
        } else {
            json.append(value);
        }
    }
}
