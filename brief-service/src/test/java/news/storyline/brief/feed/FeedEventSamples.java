package news.storyline.brief.feed;

import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryRelation;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.thread.ThreadClosedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.api.thread.ThreadRenamedEvent;

import java.time.Instant;
import java.util.List;

/**
 * One fully populated instance of every event in story-api, with Cyrillic where text goes (story-api's own
 * {@code MessageSamples} are not published to other modules). {@code CloudEventMappingTest} checks that no event
 * class lacks one.
 */
final class FeedEventSamples {

    static final String STORY = "3f2c1a52-7b4e-4d1a-9a57-0c1b2d3e4f50";
    static final String THREAD = "ukraine-peace-talks";
    static final Instant AT = Instant.parse("2026-03-09T07:15:30.123456Z");
    static final Editor EDITOR = new Editor("local-editor", "Иван Петров");
    static final List<AttributionHop> CHAIN = List.of(
            new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
            new AttributionHop("Франс прес", "afp", AttributionRole.CITED_BY));

    static final List<Object> ALL = List.of(
            new StoryFiledEvent(STORY, "Ким Чен-ун обеща на Русия „безусловна подкрепа“", "Лийд.", "Текст.",
                                new Dateline("Пхенян", Instant.parse("2026-03-08T00:00:00Z")), "bg", "world", EDITOR,
                                AT),
            new StoryUpdatedEvent(STORY, "Заглавие 2", null, null, RevisionKind.CORRECTION, "Поправено име", EDITOR,
                                  AT),
            new StoryAttributedEvent(STORY, CHAIN, EDITOR, AT),
            new StoryLinkedEvent(STORY, LinkTarget.thread(THREAD), EDITOR, AT),
            new StoryUnlinkedEvent(STORY, LinkTarget.story("story-2", StoryRelation.RELATED_TO), EDITOR, AT),
            new StoryWithdrawnEvent(STORY, "Източникът оттегли информацията", EDITOR, AT),
            new ThreadOpenedEvent(THREAD, "Мирните преговори за Украйна", "Развитие", EDITOR, AT),
            new ThreadRenamedEvent(THREAD, "Преговорите за Украйна", null, EDITOR, AT),
            new ThreadClosedEvent(THREAD, EDITOR, AT));

    private FeedEventSamples() {
    }
}
