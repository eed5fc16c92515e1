package news.storyline.api.query;

import news.storyline.api.story.Dateline;

/** One line of a news list: where, what, and the lead cut to a teaser. */
public record Brief(String storyId, Dateline dateline, String headline, String teaser) {
}
