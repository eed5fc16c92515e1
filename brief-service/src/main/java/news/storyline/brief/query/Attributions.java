package news.storyline.brief.query;

import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import org.bson.Document;

/** An attribution hop as the read models store it. */
final class Attributions {

    private Attributions() {
    }

    static Document toDocument(AttributionHop hop) {
        Document document = new Document("source", hop.source()).append("role", hop.role().name());
        if (hop.sourceId() != null) {
            document.append("sourceId", hop.sourceId());
        }
        return document;
    }

    static AttributionHop fromDocument(Document document) {
        return new AttributionHop(document.getString("source"), document.getString("sourceId"),
                                  AttributionRole.valueOf(document.getString("role")));
    }
}
