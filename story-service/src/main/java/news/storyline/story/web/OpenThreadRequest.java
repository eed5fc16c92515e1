package news.storyline.story.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.storyline.story.command.ThreadRules;

/** The body of {@code POST /api/threads}. Without a slug, the thread's slug is made from its title. */
record OpenThreadRequest(
        @Size(max = ThreadRules.MAX_SLUG_LENGTH)
        @Pattern(regexp = ThreadRules.SLUG_PATTERN, message = ThreadRules.SLUG_FORM) String slug,
        @NotBlank @Size(max = ThreadRules.MAX_TITLE_LENGTH) String title,
        @Size(max = ThreadRules.MAX_DESCRIPTION_LENGTH) String description) {
}
