package news.storyline.api.story;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who made a change: the subject of the editor's token, and the name to show when there is one.
 *
 * @param id   stable identifier of the editor (the token's subject)
 * @param name display name; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Editor(String id, String name) {

    public static Editor of(String id) {
        return new Editor(id, null);
    }
}
