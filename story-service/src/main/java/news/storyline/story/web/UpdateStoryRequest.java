package news.storyline.story.web;

import jakarta.validation.constraints.Size;
import news.storyline.api.story.RevisionKind;

/** The body of {@code PUT /api/stories/{id}}: the fields to change; the others stay. */
record UpdateStoryRequest(
        @Size(min = 1, max = StoryLimits.HEADLINE) String headline,
        @Size(min = 1, max = StoryLimits.LEAD) String lead,
        @Size(min = 1, max = StoryLimits.BODY) String body,
        RevisionKind kind,
        @Size(max = StoryLimits.NOTE) String note) {
}
