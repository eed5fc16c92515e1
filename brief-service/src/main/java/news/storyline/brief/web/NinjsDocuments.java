package news.storyline.brief.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.storyline.api.query.StoryRevision;
import news.storyline.api.query.StoryView;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.Dateline;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A story as an IPTC ninjs 3.1 news item (property names and shapes as in {@code ninjs-schema_3.1.json}):
 * <table>
 *     <caption>Story to ninjs</caption>
 *     <tr><th>story</th><th>ninjs</th></tr>
 *     <tr><td>id</td><td>{@code uri}: {@code urn:storyline:story:<id>}, the same for every version</td></tr>
 *     <tr><td>version</td><td>{@code version}, as a string</td></tr>
 *     <tr><td>filed at, last changed at</td><td>{@code firstCreated}, {@code versionCreated}</td></tr>
 *     <tr><td>status</td><td>{@code pubStatus}: published is {@code usable}, withdrawn is {@code canceled}</td></tr>
 *     <tr><td>headline</td><td>{@code headlines[0]}</td></tr>
 *     <tr><td>lead</td><td>{@code descriptions[0]}, role {@code summary}</td></tr>
 *     <tr><td>lead and body</td><td>{@code bodies[0]}: the whole text, the lead as its first paragraph</td></tr>
 *     <tr><td>dateline place</td><td>{@code located}</td></tr>
 *     <tr><td>attribution chains</td><td>{@code infoSources}, every hop of every chain in order, originator
 *         first</td></tr>
 *     <tr><td>threads</td><td>{@code subjects}, {@code urn:storyline:thread:<slug>}</td></tr>
 *     <tr><td>links to other stories</td><td>{@code associations}, named by the relation</td></tr>
 *     <tr><td>earlier versions</td><td>{@code associations} named {@code previous-version}: the version chain</td></tr>
 *     <tr><td>withdrawal reason</td><td>{@code edNote}</td></tr>
 * </table>
 * A withdrawn story carries no text: no headline, description or body, whatever the view holds.
 */
final class NinjsDocuments {

    /** The ninjs version the documents follow, and the schema they validate against. */
    static final String NINJS_VERSION = "3.1";
    static final String NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";

    static final String USABLE = "usable";
    static final String CANCELED = "canceled";

    private static final String PUBLISHED = "PUBLISHED";
    private static final String WITHDRAWN = "WITHDRAWN";
    private static final String TEXT_PLAIN = "text/plain";
    private static final String PARAGRAPH_BREAK = "\n\n";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PREVIOUS_VERSION = "previous-version";
    private static final int MAX_PREVIOUS_VERSIONS = 50;
    private static final Set<StoryRevision.Kind> TEXT_CHANGES =
            Set.of(StoryRevision.Kind.FILED, StoryRevision.Kind.UPDATE, StoryRevision.Kind.CORRECTION);

    private NinjsDocuments() {
    }

    /** The item without its version chain. */
    static ObjectNode of(StoryView story) {
        return of(story, List.of());
    }

    /**
     * The item with its version chain: each earlier version whose text changed (the filing, updates, corrections),
     * newest first, as an association to the same {@code uri} at that {@code version}, at most
     * {@value #MAX_PREVIOUS_VERSIONS} of them.
     */
    static ObjectNode of(StoryView story, List<StoryRevision> history) {
        String pubStatus = pubStatus(story.status());
        ObjectNode item = JSON.objectNode()
                              .put("uri", storyUri(story.id()))
                              .put("type", "text")
                              .put("version", Long.toString(story.version()))
                              .put("firstCreated", story.filedAt().toString())
                              .put("versionCreated", story.updatedAt().toString())
                              .put("pubStatus", pubStatus);
        item.set("standard", JSON.objectNode().put("name", "ninjs")
                                 .put("version", NINJS_VERSION)
                                 .put("schema", NINJS_SCHEMA));
        putIfPresent(item, "language", story.language());
        if (story.withdrawal() != null) {
            putIfPresent(item, "edNote", story.withdrawal().reason());
        }
        putIfPresent(item, "located", place(story.dateline()));
        if (USABLE.equals(pubStatus)) {
            addText(item, story);
        }
        setIfNotEmpty(item, "infoSources", infoSources(story.attributions()));
        setIfNotEmpty(item, "subjects", subjects(story.threads()));
        ArrayNode associations = associations(story.links());
        associations.addAll(previousVersions(story, history));
        setIfNotEmpty(item, "associations", associations);
        return item;
    }

    static String storyUri(String storyId) {
        return urn("story", storyId);
    }

    static String sourceUri(String sourceId) {
        return urn("source", sourceId);
    }

    static String threadUri(String slug) {
        return urn("thread", slug);
    }

    private static String pubStatus(String status) {
        return switch (status) {
            case PUBLISHED -> USABLE;
            case WITHDRAWN -> CANCELED;
            default -> throw new IllegalArgumentException("No ninjs pubStatus for a story that is " + status);
        };
    }

    private static void addText(ObjectNode item, StoryView story) {
        if (hasText(story.headline())) {
            item.set("headlines", JSON.arrayNode().add(text(null, story.headline())));
        }
        if (hasText(story.lead())) {
            item.set("descriptions", JSON.arrayNode().add(text("summary", story.lead())));
        }
        String fullText = Stream.of(story.lead(), story.body())
                                .filter(NinjsDocuments::hasText)
                                .collect(Collectors.joining(PARAGRAPH_BREAK));
        if (!fullText.isEmpty()) {
            item.set("bodies", JSON.arrayNode().add(text(null, fullText)));
        }
    }

    private static ObjectNode text(String role, String value) {
        ObjectNode text = JSON.objectNode();
        putIfPresent(text, "role", role);
        return text.put("contentType", TEXT_PLAIN).put("value", value);
    }

    /**
     * Every hop of every chain, chain after chain, each originator first. ninjs has no chains, so a story attributed
     * twice lists both chains one after the other; each hop keeps the source as the editor wrote it, and the
     * source's URN when the registry knows it.
     */
    private static ArrayNode infoSources(List<List<AttributionHop>> chains) {
        ArrayNode sources = JSON.arrayNode();
        for (List<AttributionHop> chain : nullToEmpty(chains)) {
            for (AttributionHop hop : chain) {
                ObjectNode source = JSON.objectNode().put("name", hop.source());
                if (hop.sourceId() != null) {
                    source.put("uri", sourceUri(hop.sourceId()));
                }
                sources.add(source.put("role", token(hop.role())));
            }
        }
        return sources;
    }

    /** The developing threads the story belongs to; the view knows their slugs, not their titles. */
    private static ArrayNode subjects(List<String> threads) {
        ArrayNode subjects = JSON.arrayNode();
        for (String slug : nullToEmpty(threads)) {
            subjects.add(JSON.objectNode().put("uri", threadUri(slug)).put("literal", slug));
        }
        return subjects;
    }

    /**
     * The stories this one is linked to. ninjs requires a {@code name} for an association (it names the association
     * within this item, as IPTC's {@code featureimage} does) and offers {@code rel} for the relationship; for a link
     * both are the relation, so a reader may use either.
     */
    private static ArrayNode associations(List<StoryView.Link> links) {
        ArrayNode associations = JSON.arrayNode();
        for (StoryView.Link link : nullToEmpty(links)) {
            String relation = token(link.relation());
            associations.add(JSON.objectNode().put("name", relation)
                                 .put("rel", relation)
                                 .put("uri", storyUri(link.story()))
                                 .put("type", "text"));
        }
        return associations;
    }

    private static ArrayNode previousVersions(StoryView story, List<StoryRevision> history) {
        ArrayNode versions = JSON.arrayNode();
        history.stream()
               .filter(revision -> revision.version() < story.version() && TEXT_CHANGES.contains(revision.kind()))
               .sorted(Comparator.comparingLong(StoryRevision::version).reversed())
               .limit(MAX_PREVIOUS_VERSIONS)
               .forEach(revision -> {
                   ObjectNode version = JSON.objectNode().put("name", PREVIOUS_VERSION)
                                            .put("rel", PREVIOUS_VERSION)
                                            .put("uri", storyUri(story.id()))
                                            .put("type", "text")
                                            .put("version", Long.toString(revision.version()))
                                            .put("versionCreated", revision.at().toString());
                   putIfPresent(version, "edNote", revision.note());
                   versions.add(version);
               });
        return versions;
    }

    /** {@code CITED_BY} as {@code cited-by}. */
    private static String token(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A URN in Storyline's own namespace; the id is percent-encoded, so that any id makes a valid URI. */
    private static String urn(String kind, String id) {
        return "urn:storyline:" + kind + ":" + UriUtils.encode(id, StandardCharsets.UTF_8);
    }

    private static String place(Dateline dateline) {
        return dateline == null ? null : dateline.place();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void setIfNotEmpty(ObjectNode node, String field, ArrayNode values) {
        if (!values.isEmpty()) {
            node.set(field, values);
        }
    }

    private static <T> List<T> nullToEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
