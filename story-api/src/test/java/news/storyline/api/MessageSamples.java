package news.storyline.api;

import news.storyline.api.query.Brief;
import news.storyline.api.query.BriefList;
import news.storyline.api.query.FindBriefsQuery;
import news.storyline.api.query.FindStoryQuery;
import news.storyline.api.query.StoryView;
import news.storyline.api.story.Dateline;
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

    static final List<Object> ALL = List.of(
            PYONGYANG,
            new FileStoryCommand("story-1", "Ким Чен-ун обеща на Русия „безусловна подкрепа“",
                                 "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“.",
                                 "Ким се срещна вчера със секретаря на руския Съвет за сигурност Сергей Шойгу.",
                                 PYONGYANG, "bg", "world", "local-editor"),
            new UpdateStoryCommand("story-1", 3L, "Ново заглавие", "Нов лийд.", "Нов текст.",
                                   RevisionKind.CORRECTION, "Поправено име", "local-editor"),
            new StoryFiledEvent("story-1", "Заглавие", "Лийд.", "Текст.", PYONGYANG, "bg", "world", "local-editor",
                                FILED),
            new StoryUpdatedEvent("story-1", "Заглавие 2", "Лийд 2.", "Текст 2.", RevisionKind.UPDATE, "бележка",
                                  "local-editor", FILED),
            new FindStoryQuery("story-1"),
            new FindBriefsQuery(20),
            new StoryView("story-1", 2, "PUBLISHED", "Заглавие", "Лийд.", "Текст.", PYONGYANG, "bg", "world",
                          "local-editor", FILED, FILED.plusSeconds(60)),
            new Brief("story-1", Dateline.of("Москва"), "Кремъл заяви", "Всички страни..."),
            new BriefList(List.of(new Brief("story-1", Dateline.of("Берлин"), "Заглавие", "Тийзър")))
    );

    private MessageSamples() {
    }
}
