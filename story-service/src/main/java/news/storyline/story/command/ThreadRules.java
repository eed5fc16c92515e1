package news.storyline.story.command;

import news.storyline.api.rules.ThreadSlug;

import java.util.regex.Pattern;

/**
 * The rules every thread keeps, whoever sends the command. The limits are public so that the web layer refuses the
 * same requests early; lengths count characters, as Bean Validation does.
 */
public final class ThreadRules {

    public static final String SLUG_PATTERN = ThreadSlug.PATTERN;
    public static final String SLUG_FORM = ThreadSlug.FORM;
    public static final int MAX_SLUG_LENGTH = ThreadSlug.MAX_LENGTH;
    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;

    private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);

    private ThreadRules() {
    }

    static void requireSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidStoryException("slug", SLUG_FORM);
        }
        requireAtMost("slug", slug, MAX_SLUG_LENGTH);
    }

    static void requireTitle(String title) {
        StoryRules.requireText("title", title);
        requireAtMost("title", title, MAX_TITLE_LENGTH);
    }

    /** A description is optional. */
    static void requireDescription(String description) {
        if (description != null) {
            requireAtMost("description", description, MAX_DESCRIPTION_LENGTH);
        }
    }

    private static void requireAtMost(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidStoryException(field, "must be at most " + maxLength + " characters");
        }
    }
}
