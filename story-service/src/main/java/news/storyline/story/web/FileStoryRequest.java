package news.storyline.story.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The body of {@code POST /api/stories}. Lengths count characters, so Cyrillic text gets the same room as Latin. */
record FileStoryRequest(
        @NotBlank @Size(max = StoryLimits.HEADLINE) String headline,
        @NotBlank @Size(max = StoryLimits.LEAD) String lead,
        @NotBlank @Size(max = StoryLimits.BODY) String body,
        @NotNull @Valid DatelineRequest dateline,
        @NotBlank @Pattern(regexp = StoryLimits.LANGUAGE_TAG, message = "must be a language tag such as bg or en-GB")
        String language,
        @Size(max = StoryLimits.DESK) String desk) {

    record DatelineRequest(@NotBlank @Size(max = StoryLimits.PLACE) String place,
                           @StoryLimits.PlausibleInstant Instant at) {
    }
}
