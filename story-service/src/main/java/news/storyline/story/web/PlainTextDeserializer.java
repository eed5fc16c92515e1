package news.storyline.story.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Jackson's own reading of a string, then the {@link PlainText} check, for every string field of every request
 * body: a new request record is covered without anyone remembering an annotation. Fields named {@code body} or
 * {@code lead} hold paragraphs, wherever they appear.
 */
public class PlainTextDeserializer extends StringDeserializer {

    private static final Set<String> PARAGRAPH_FIELDS = Set.of("body", "lead");

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text == null) {
            return null;
        }
        String field = parser.currentName();
        Optional<String> problem = field != null && PARAGRAPH_FIELDS.contains(field)
                ? PlainText.problemInParagraphs(text)
                : PlainText.problemInLine(text);
        if (problem.isPresent()) {
            throw new NotPlainTextException(parser, problem.get());
        }
        return text;
    }
}
