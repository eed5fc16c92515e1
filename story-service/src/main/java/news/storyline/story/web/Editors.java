package news.storyline.story.web;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Who is making a change. The gateway names the editor in {@code X-Storyline-Editor}; until the gateway
 * authenticates (and strips that header from what clients send), the name is taken as given.
 */
@Component
class Editors {

    static final String HEADER = "X-Storyline-Editor";
    private static final String UNKNOWN = "unknown";

    String from(HttpHeaders headers) {
        String editor = headers.getFirst(HEADER);
        return editor == null || editor.isBlank() ? UNKNOWN : editor.strip();
    }
}
