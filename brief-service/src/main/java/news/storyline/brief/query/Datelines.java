package news.storyline.brief.query;

import news.storyline.api.story.Dateline;
import org.bson.Document;

import java.util.Date;

/** A dateline as the read models store it. */
final class Datelines {

    private Datelines() {
    }

    static Document toDocument(Dateline dateline) {
        Document document = new Document("place", dateline.place());
        if (dateline.at() != null) {
            document.append("at", Date.from(dateline.at()));
        }
        return document;
    }

    static Dateline fromDocument(Document document) {
        Date at = document.getDate("at");
        return new Dateline(document.getString("place"), at == null ? null : at.toInstant());
    }
}
