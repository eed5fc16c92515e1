package news.storyline.brief.query;

import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import org.bson.Document;

import java.util.List;

/** Attribution hops and chains as the read models store them. */
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

    static List<List<Document>> chainsToDocuments(List<List<AttributionHop>> chains) {
        return chains.stream().map(chain -> chain.stream().map(Attributions::toDocument).toList()).toList();
    }

    /** Chains as MongoDB returns them: a list of lists of hop documents. */
    static List<List<AttributionHop>> chainsFromDocuments(List<Object> chains) {
        return chains.stream()
                     .map(chain -> ((List<?>) chain).stream()
                                                    .map(hop -> fromDocument((Document) hop))
                                                    .toList())
                     .toList();
    }
}
