package news.storyline.story.command;

import news.storyline.api.story.Dateline;

/** The rules every revision of a story keeps, whoever sends the command. */
final class StoryRules {

    private StoryRules() {
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidStoryException(field, "must not be empty");
        }
    }

    static void requirePlace(Dateline dateline) {
        if (dateline == null) {
            throw new InvalidStoryException("dateline", "must name a place");
        }
        requireText("dateline.place", dateline.place());
    }
}
