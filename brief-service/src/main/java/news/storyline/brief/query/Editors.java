package news.storyline.brief.query;

import news.storyline.api.story.Editor;
import org.bson.Document;

/** An editor as the read models store it. */
final class Editors {

    private Editors() {
    }

    static Document toDocument(Editor editor) {
        Document document = new Document("id", editor.id());
        if (editor.name() != null) {
            document.append("name", editor.name());
        }
        return document;
    }

    static Editor fromDocument(Document document) {
        return new Editor(document.getString("id"), document.getString("name"));
    }
}
