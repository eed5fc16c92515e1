package news.storyline.story.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/stories/{id}/withdrawal}. */
record WithdrawalRequest(@NotBlank @Size(max = StoryLimits.NOTE) String reason) {
}
