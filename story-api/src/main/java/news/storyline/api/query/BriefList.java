package news.storyline.api.query;

import java.util.List;

/** Briefs, newest first. */
public record BriefList(List<Brief> briefs) {
}
