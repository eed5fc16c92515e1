package news.storyline.story.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import news.storyline.api.story.AttributionRole;

import java.util.List;

/** The body of {@code POST /api/stories/{id}/attributions}: the chain, originator first. */
record AttributionRequest(@NotEmpty @Size(max = StoryLimits.HOPS) List<@NotNull @Valid Hop> chain) {

    record Hop(@NotBlank @Size(max = StoryLimits.SOURCE) String source, @NotNull AttributionRole role) {
    }
}
