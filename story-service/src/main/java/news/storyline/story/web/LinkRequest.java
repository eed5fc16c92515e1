package news.storyline.story.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryRelation;

/** The body of {@code POST /api/stories/{id}/links}: {@code {"thread": slug}} or {@code {"story": id, "relation"}}. */
record LinkRequest(@Size(max = StoryLimits.ID) String thread,
                   @Size(max = StoryLimits.ID) String story,
                   StoryRelation relation) {

    @AssertTrue(message = "must name either a thread or a story")
    boolean isTarget() {
        return (thread == null) != (story == null);
    }

    LinkTarget target() {
        return thread != null ? new LinkTarget(LinkTarget.Kind.THREAD, thread, relation)
                : new LinkTarget(LinkTarget.Kind.STORY, story, relation);
    }
}
