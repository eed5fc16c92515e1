package news.storyline.api.query;

import java.util.List;

/**
 * A word-level comparison of two versions of a story, field by field. In each field the {@code EQUAL} and
 * {@code DELETE} segments, joined in order, give the text at {@code from}; the {@code EQUAL} and {@code INSERT}
 * segments give the text at {@code to}.
 */
public record StoryDiff(
        String storyId,
        long from,
        long to,
        List<DiffSegment> headline,
        List<DiffSegment> lead,
        List<DiffSegment> body) {
}
