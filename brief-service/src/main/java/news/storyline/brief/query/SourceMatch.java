package news.storyline.brief.query;

import news.storyline.api.source.SourceRegistry;

import news.storyline.api.query.SourceStories.SourceRef;
import news.storyline.api.source.Source;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

/**
 * The attribution hops that name a source, as the source index stores hops: those story-service resolved to the
 * source's registry id, and unresolved ones written under any of its names; for a source the registry does not
 * know, the unresolved ones written the same way. The second kind also finds a source written under a name the
 * registry learnt only after the chain was recorded (a source added to {@code storyline.sources.extra} later),
 * without replaying any events.
 *
 * @param source what the answer calls the source
 * @param keys   its names in comparable form ({@link #key(String)})
 */
record SourceMatch(SourceRef source, Set<String> keys) {

    /** The fields of a stored hop that find it, worth an index each. */
    static final String SOURCE_ID = "sourceId";
    static final String KEY = "key";
    private static final String ROLE = "role";

    static SourceMatch known(Source source) {
        Set<String> keys = Stream.concat(Stream.of(source.id(), source.name()), source.aliases().stream())
                                 .map(SourceMatch::key)
                                 .collect(Collectors.toSet());
        return new SourceMatch(new SourceRef(source.id(), source.name()), keys);
    }

    static SourceMatch unknown(String written) {
        return new SourceMatch(new SourceRef(null, written), Set.of(key(written)));
    }

    /** A hop as the source index stores it: the registry id when it had one, the written name comparable, the role. */
    static Document hop(AttributionHop hop) {
        Document document = new Document(KEY, key(hop.source())).append(ROLE, hop.role().name());
        if (hop.sourceId() != null) {
            document.append(SOURCE_ID, hop.sourceId());
        }
        return document;
    }

    static AttributionRole role(Document hop) {
        return AttributionRole.valueOf(hop.getString(ROLE));
    }

    /**
     * The stories with a hop in {@code hops} that names the source. The two kinds of hop are two branches of a
     * top-level {@code $or}, not one {@code $elemMatch} with an {@code $or} inside, so that each branch has an index
     * of its own and the branches merge in the indexes' order.
     */
    Bson filter(String hops) {
        Bson unresolved = elemMatch(hops, and(exists(SOURCE_ID, false), in(KEY, keys)));
        return source.id() == null ? unresolved : or(elemMatch(hops, eq(SOURCE_ID, source.id())), unresolved);
    }

    /** The same as {@link #filter(String)}, for the hops of a story found with it. */
    boolean matches(Document hop) {
        String sourceId = hop.getString(SOURCE_ID);
        return sourceId == null ? keys.contains(hop.getString(KEY)) : sourceId.equals(source.id());
    }

    /** How the source registry compares names: case, spacing, dots, dashes and quotation marks do not count. */
    static String key(String name) {
        return SourceRegistry.normalize(name);
    }
}
