package news.storyline.story.web;

import news.storyline.api.story.Editor;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Who is making a change. The gateway names the editor in {@code X-Storyline-Editor} (the token's subject) and
 * {@code X-Storyline-Editor-Name}; until the gateway authenticates (and strips these headers from what clients
 * send), they are taken as given.
 */
@Component
class Editors {

    static final String ID_HEADER = "X-Storyline-Editor";
    static final String NAME_HEADER = "X-Storyline-Editor-Name";
    private static final String UNKNOWN = "unknown";

    Editor from(HttpHeaders headers) {
        String id = headers.getFirst(ID_HEADER);
        String name = headers.getFirst(NAME_HEADER);
        return new Editor(id == null || id.isBlank() ? UNKNOWN : id.strip(),
                          name == null || name.isBlank() ? null : name.strip());
    }
}
