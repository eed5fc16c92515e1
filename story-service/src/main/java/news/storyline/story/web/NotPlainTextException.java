package news.storyline.story.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import news.storyline.web.MalformedBodies;

/**
 * A string in a request body that is not {@link PlainText}. It is a {@link JsonMappingException} so that Jackson
 * records where in the body it was found, as it does for its own errors.
 */
class NotPlainTextException extends JsonMappingException {

    NotPlainTextException(JsonParser parser, String problem) {
        super(parser, problem);
    }

    /** The field as validation errors name it: {@code headline}, {@code dateline.place}, {@code chain[1].source}. */
    String field() {
        return MalformedBodies.path(this);
    }
}
