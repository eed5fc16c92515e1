package news.storyline.story.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import news.storyline.story.command.ThreadRules;

/** The body of {@code PUT /api/threads/{slug}}: the new title; the description stays unless one is sent. */
record RenameThreadRequest(
        @NotBlank @Size(max = ThreadRules.MAX_TITLE_LENGTH) String title,
        @Size(max = ThreadRules.MAX_DESCRIPTION_LENGTH) String description) {
}
