package news.storyline.story.command;

import news.storyline.api.story.Dateline;
import news.storyline.api.story.FileStoryCommand;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.UpdateStoryCommand;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoryTest {

    private static final String ID = "story-1";
    private static final Dateline PYONGYANG = Dateline.of("Пхенян");

    private AggregateTestFixture<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Story.class);
    }

    @Test
    void filesAStory() {
        fixture.givenNoPriorActivity()
               .when(file("Ким Чен-ун обеща на Русия подкрепа"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StoryFiledEvent(ID, "Ким Чен-ун обеща на Русия подкрепа", "Лийд.", "Текст.",
                                                 PYONGYANG, "bg", "world", "editor-1", fixture.currentTime()));
    }

    @Test
    void refusesAStoryWithoutHeadline() {
        fixture.givenNoPriorActivity()
               .when(file("  "))
               .expectException(InvalidStoryException.class)
               .expectExceptionMessage("headline must not be empty")
               .expectNoEvents();
    }

    @Test
    void refusesAStoryWithoutDatelinePlace() {
        fixture.givenNoPriorActivity()
               .when(new FileStoryCommand(ID, "Заглавие", "Лийд.", "Текст.", Dateline.of(""), "bg", null, "e"))
               .expectException(InvalidStoryException.class)
               .expectNoEvents();
    }

    @Test
    void recordsOnlyTheFieldsARevisionChanges() {
        fixture.given(filed())
               .when(new UpdateStoryCommand(ID, 0L, "Ново заглавие", "Лийд.", null, RevisionKind.CORRECTION,
                                            "Поправено име", "editor-2"))
               .expectResultMessagePayload(2L)
               .expectEvents(new StoryUpdatedEvent(ID, "Ново заглавие", null, null, RevisionKind.CORRECTION,
                                                   "Поправено име", "editor-2", fixture.currentTime()));
    }

    @Test
    void refusesARevisionThatChangesNothing() {
        fixture.given(filed())
               .when(new UpdateStoryCommand(ID, 0L, "Заглавие", "Лийд.", "Текст.", RevisionKind.UPDATE, null, "e"))
               .expectException(NothingToChangeException.class)
               .expectNoEvents();
    }

    @Test
    void refusesARevisionBasedOnAnOldVersion() {
        fixture.given(filed(), new StoryUpdatedEvent(ID, "Второ заглавие", null, null, RevisionKind.UPDATE, null,
                                                    "e", fixture.currentTime()))
               .when(new UpdateStoryCommand(ID, 0L, "Трето заглавие", null, null, RevisionKind.UPDATE, null, "e"))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void defaultsARevisionToAnUpdate() {
        fixture.given(filed())
               .when(new UpdateStoryCommand(ID, null, null, null, "Нов текст.", null, null, "e"))
               .expectEvents(new StoryUpdatedEvent(ID, null, null, "Нов текст.", RevisionKind.UPDATE, null, "e",
                                                   fixture.currentTime()));
    }

    private FileStoryCommand file(String headline) {
        return new FileStoryCommand(ID, headline, "Лийд.", "Текст.", PYONGYANG, "bg", "world", "editor-1");
    }

    private StoryFiledEvent filed() {
        return new StoryFiledEvent(ID, "Заглавие", "Лийд.", "Текст.", PYONGYANG, "bg", "world", "editor-1",
                                   fixture.currentTime());
    }
}
