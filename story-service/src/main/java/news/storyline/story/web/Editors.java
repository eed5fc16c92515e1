package news.storyline.story.web;

import news.storyline.api.story.Editor;
import news.storyline.trust.Caller;
import news.storyline.web.trust.Callers;
import org.springframework.stereotype.Component;

/**
 * Who is making a change: the caller the gateway vouched for in its caller token, and nothing the client sent
 * (no header, no body field) can name someone else.
 */
@Component
class Editors {

    Editor current() {
        Caller caller = Callers.required();
        return new Editor(caller.subject(), caller.name());
    }
}
