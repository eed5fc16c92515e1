package news.storyline.api;

import news.storyline.api.query.Brief;
import news.storyline.api.query.BriefList;
import news.storyline.api.query.FindBriefsQuery;
import news.storyline.api.query.DiffSegment;
import news.storyline.api.query.FindStoriesBySourceQuery;
import news.storyline.api.query.FindStoryDiffQuery;
import news.storyline.api.query.FindStoryHistoryQuery;
import news.storyline.api.query.StoryDiff;
import news.storyline.api.query.StoryHistory;
import news.storyline.api.query.StoryRevision;
import news.storyline.api.query.FindStoryQuery;
import news.storyline.api.query.SearchResults;
import news.storyline.api.query.SearchStoriesQuery;
import news.storyline.api.query.SourceStories;
import news.storyline.api.query.FindThreadQuery;
import news.storyline.api.query.FindThreadsQuery;
import news.storyline.api.query.FindTimelineEntryQuery;
import news.storyline.api.query.FindTimelineQuery;
import news.storyline.api.query.ThreadList;
import news.storyline.api.query.ThreadSummary;
import news.storyline.api.query.TimelineEntry;
import news.storyline.api.query.TimelinePage;
import news.storyline.api.query.StoryView;
import news.storyline.api.story.AttributeStoryCommand;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.Editor;
import news.storyline.api.story.LinkStoryCommand;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryRelation;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.story.UnlinkStoryCommand;
import news.storyline.api.story.WithdrawStoryCommand;
import news.storyline.api.thread.CloseThreadCommand;
import news.storyline.api.thread.OpenThreadCommand;
import news.storyline.api.thread.RenameThreadCommand;
import news.storyline.api.thread.ThreadClosedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.api.thread.ThreadRenamedEvent;
import news.storyline.api.story.FileStoryCommand;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.UpdateStoryCommand;

import java.time.Instant;
import java.util.List;

/** One fully populated instance of every message in the published language, with Cyrillic where text goes. */
final class MessageSamples {

    static final Instant FILED = Instant.parse("2026-03-09T07:15:30.123456Z");
    static final Dateline PYONGYANG = new Dateline("Пхенян", Instant.parse("2026-03-08T00:00:00Z"));
    static final Editor EDITOR = new Editor("local-editor", "Иван Петров");
    static final List<AttributionHop> CHAIN = List.of(
            new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
            new AttributionHop("Франс прес", "afp", AttributionRole.CITED_BY),
            new AttributionHop("Вестник Родина", null, AttributionRole.CARRIER));

    static final List<Object> ALL = List.of(
            PYONGYANG,
            new FileStoryCommand("story-1", "Ким Чен-ун обеща на Русия „безусловна подкрепа“",
                                 "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“.",
                                 "Ким се срещна вчера със секретаря на руския Съвет за сигурност Сергей Шойгу.",
                                 PYONGYANG, "bg", "world", EDITOR),
            new UpdateStoryCommand("story-1", 3L, "Ново заглавие", "Нов лийд.", "Нов текст.",
                                   RevisionKind.CORRECTION, "Поправено име", EDITOR),
            new StoryFiledEvent("story-1", "Заглавие", "Лийд.", "Текст.", PYONGYANG, "bg", "world", EDITOR,
                                FILED),
            new StoryUpdatedEvent("story-1", "Заглавие 2", "Лийд 2.", "Текст 2.", RevisionKind.UPDATE, "бележка",
                                  EDITOR, FILED),
            EDITOR,
            LinkTarget.thread("ukraine-peace-talks"),
            CHAIN.get(1),
            new AttributeStoryCommand("story-1", 1L, CHAIN, EDITOR),
            new StoryAttributedEvent("story-1", CHAIN, EDITOR, FILED),
            new LinkStoryCommand("story-1", 2L, LinkTarget.story("story-2", StoryRelation.FOLLOW_UP_OF), EDITOR),
            new StoryLinkedEvent("story-1", LinkTarget.thread("ukraine-peace-talks"), EDITOR, FILED),
            new UnlinkStoryCommand("story-1", 3L, "ukraine-peace-talks", EDITOR),
            new StoryUnlinkedEvent("story-1", LinkTarget.story("story-2", StoryRelation.RELATED_TO), EDITOR, FILED),
            new WithdrawStoryCommand("story-1", 4L, "Източникът оттегли информацията", EDITOR),
            new StoryWithdrawnEvent("story-1", "Източникът оттегли информацията", EDITOR, FILED),
            new OpenThreadCommand("ukraine-peace-talks", "Мирните преговори за Украйна", "Развитие", EDITOR),
            new ThreadOpenedEvent("ukraine-peace-talks", "Мирните преговори за Украйна", null, EDITOR, FILED),
            new RenameThreadCommand("ukraine-peace-talks", 0L, "Преговорите за Украйна", null, EDITOR),
            new ThreadRenamedEvent("ukraine-peace-talks", "Преговорите за Украйна", "Ново описание", EDITOR, FILED),
            new CloseThreadCommand("ukraine-peace-talks", 1L, EDITOR),
            new ThreadClosedEvent("ukraine-peace-talks", EDITOR, FILED),
            new FindStoryQuery("story-1"),
            new FindBriefsQuery("ukraine-peace-talks", 20),
            new FindStoriesBySourceQuery("Франс прес", "ukraine-peace-talks", 20),
            new SourceStories(new SourceStories.SourceRef("afp", "Agence France-Presse"), List.of(
                    new SourceStories.AttributedStory("story-1", "Заглавие", Dateline.of("Пхенян"), FILED,
                            List.of(AttributionRole.ORIGINATOR, AttributionRole.CITED_BY),
                            List.of("ukraine-peace-talks")))),
            new SourceStories(new SourceStories.SourceRef(null, "Вестник Родина"), List.of()),
            new SearchStoriesQuery("Хамен", 20),
            new SearchResults("Хамен", List.of(new Brief("story-1", Dateline.of("Багдад"), "Заглавие", "Тийзър"))),
            new FindStoryHistoryQuery("story-1"),
            new StoryHistory("story-1", List.of(new StoryRevision(1, FILED, EDITOR, StoryRevision.Kind.FILED, null,
                                                                  null, List.of("headline", "lead", "body")))),
            new StoryRevision(2, FILED, EDITOR, StoryRevision.Kind.CORRECTION, "Поправена дата", null, List.of("body")),
            new FindStoryDiffQuery("story-1", 1, 2),
            new StoryDiff("story-1", 1, 2, List.of(new DiffSegment(DiffSegment.Op.EQUAL, "Ким се срещна ")), List.of(),
                          List.of(new DiffSegment(DiffSegment.Op.DELETE, "вчера"),
                                  new DiffSegment(DiffSegment.Op.INSERT, "днес"))),
            new DiffSegment(DiffSegment.Op.INSERT, "днес"),
            new FindThreadsQuery(),
            new FindThreadQuery("ukraine-peace-talks"),
            new ThreadSummary("ukraine-peace-talks", 2, "Мирните преговори за Украйна", "Развитие", "OPEN", FILED,
                              null, 2, 9, FILED, FILED.plusSeconds(3600)),
            new ThreadList(List.of(new ThreadSummary("irans-new-supreme-leader", 1, "Новият върховен лидер на Иран",
                                                     null, "CLOSED", FILED, FILED.plusSeconds(60), 0, 0, null, null))),
            new FindTimelineQuery("ukraine-peace-talks", "MjAyNg", 20, FILED),
            new FindTimelineEntryQuery("ukraine-peace-talks", "8f0c6f1e-2b1a-4d55-9a51-3c2d1e0f9a77", 3),
            new TimelineEntry(FILED, "CORRECTED", "story-1", 3, "Заглавие", Dateline.of("Москва"), List.of(CHAIN)),
            new TimelinePage(List.of(new TimelineEntry(FILED, "FILED", "story-1", 1, "Заглавие", PYONGYANG,
                                                       List.of())), "next-cursor"),
            new StoryView("story-1", 2, "PUBLISHED", "Заглавие", "Лийд.", "Текст.", PYONGYANG, "bg", "world",
                          EDITOR, FILED, FILED.plusSeconds(60), List.of(CHAIN), List.of("ukraine-peace-talks"),
                          List.of(new StoryView.Link("story-2", StoryRelation.FOLLOW_UP_OF)),
                          new StoryView.Withdrawal("Грешка", EDITOR, FILED)),
            new Brief("story-1", Dateline.of("Москва"), "Кремъл заяви", "Всички страни..."),
            new BriefList(List.of(new Brief("story-1", Dateline.of("Берлин"), "Заглавие", "Тийзър")))
    );

    private MessageSamples() {
    }
}
