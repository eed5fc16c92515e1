package news.storyline.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.Optional;
import java.util.stream.Collectors;

/** Says what is wrong with a body Jackson could not read, without echoing parser internals. */
public final class MalformedBodies {

    private MalformedBodies() {
    }

    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field " + path(unknown);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "Field " + path(mismatch) + " has the wrong type";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field " + path(mapping) + " could not be read";
        }
        return "The body is not valid JSON of the expected shape";
    }

    static Optional<String> field(HttpMessageNotReadableException ex) {
        return ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? Optional.of(path(mapping))
                : Optional.empty();
    }

    /** Where in the body: {@code headline}, {@code dateline.place}, {@code chain[1].source}, as validation says. */
    public static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                      .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                              : "[" + reference.getIndex() + "]")
                      .collect(Collectors.joining("."))
                      .replace(".[", "[");
    }
}
