package news.storyline.story.command;

import news.storyline.api.story.Editor;
import news.storyline.api.thread.CloseThreadCommand;
import news.storyline.api.thread.OpenThreadCommand;
import news.storyline.api.thread.RenameThreadCommand;
import news.storyline.api.thread.ThreadClosedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.api.thread.ThreadRenamedEvent;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NewsThreadTest {

    private static final String SLUG = "ukraine-peace-talks";
    private static final String TITLE = "Мирните преговори за Украйна";
    private static final String DESCRIPTION = "Преговорите за мир между Русия и Украйна.";
    private static final Editor EDITOR = new Editor("editor-1", "Иван Петров");

    private AggregateTestFixture<NewsThread> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NewsThread.class);
    }

    @Test
    void opensAThread() {
        fixture.givenNoPriorActivity()
               .when(new OpenThreadCommand(SLUG, TITLE, DESCRIPTION, EDITOR))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ThreadOpenedEvent(SLUG, TITLE, DESCRIPTION, EDITOR, fixture.currentTime()));
    }

    @Test
    void refusesASlugThatIsNotLowerCaseWordsJoinedByDashes() {
        fixture.givenNoPriorActivity()
               .when(new OpenThreadCommand("Ukraine--peace talks", TITLE, null, EDITOR))
               .expectException(InvalidStoryException.class)
               .expectExceptionMessage("slug " + ThreadRules.SLUG_FORM)
               .expectNoEvents();
    }

    @Test
    void refusesAnOverlongSlug() {
        fixture.givenNoPriorActivity()
               .when(new OpenThreadCommand("a".repeat(ThreadRules.MAX_SLUG_LENGTH + 1), TITLE, null, EDITOR))
               .expectException(InvalidStoryException.class)
               .expectExceptionMessage("slug must be at most 80 characters")
               .expectNoEvents();
    }

    @Test
    void refusesAThreadWithoutTitle() {
        fixture.givenNoPriorActivity()
               .when(new OpenThreadCommand(SLUG, " ", null, EDITOR))
               .expectException(InvalidStoryException.class)
               .expectExceptionMessage("title must not be empty")
               .expectNoEvents();
    }

    @Test
    void refusesAnOverlongTitleOrDescription() {
        fixture.givenNoPriorActivity()
               .when(new OpenThreadCommand(SLUG, "а".repeat(ThreadRules.MAX_TITLE_LENGTH + 1), null, EDITOR))
               .expectException(InvalidStoryException.class)
               .expectExceptionMessage("title must be at most 200 characters");
        fixture.givenNoPriorActivity()
               .when(new OpenThreadCommand(SLUG, TITLE, "а".repeat(ThreadRules.MAX_DESCRIPTION_LENGTH + 1), EDITOR))
               .expectException(InvalidStoryException.class)
               .expectExceptionMessage("description must be at most 2000 characters");
    }

    @Test
    void renamesAThreadKeepingItsDescription() {
        fixture.given(opened())
               .when(new RenameThreadCommand(SLUG, 0L, "Преговорите за Украйна", null, EDITOR))
               .expectResultMessagePayload(2L)
               .expectEvents(new ThreadRenamedEvent(SLUG, "Преговорите за Украйна", null, EDITOR,
                                                    fixture.currentTime()));
    }

    @Test
    void renamesAThreadThatHasNoDescription() {
        fixture.given(new ThreadOpenedEvent(SLUG, TITLE, null, EDITOR, fixture.currentTime()))
               .andGivenCommands(new RenameThreadCommand(SLUG, 0L, "Преговорите за Украйна", null, EDITOR))
               .when(new RenameThreadCommand(SLUG, 1L, "Преговорите", null, EDITOR))
               .expectResultMessagePayload(3L)
               .expectEvents(new ThreadRenamedEvent(SLUG, "Преговорите", null, EDITOR, fixture.currentTime()));
    }

    @Test
    void recordsANewDescriptionUnderTheSameTitle() {
        fixture.given(opened())
               .when(new RenameThreadCommand(SLUG, 0L, TITLE, "Нов кръг преговори.", EDITOR))
               .expectEvents(new ThreadRenamedEvent(SLUG, TITLE, "Нов кръг преговори.", EDITOR,
                                                    fixture.currentTime()));
    }

    @Test
    void refusesARenameThatChangesNothing() {
        fixture.given(opened())
               .when(new RenameThreadCommand(SLUG, 0L, TITLE, DESCRIPTION, EDITOR))
               .expectException(NothingToChangeException.class)
               .expectNoEvents();
        fixture.given(opened())
               .when(new RenameThreadCommand(SLUG, 0L, TITLE, null, EDITOR))
               .expectException(NothingToChangeException.class)
               .expectNoEvents();
    }

    @Test
    void refusesARenameWithoutTitle() {
        fixture.given(opened())
               .when(new RenameThreadCommand(SLUG, 0L, "", DESCRIPTION, EDITOR))
               .expectException(InvalidStoryException.class)
               .expectNoEvents();
    }

    @Test
    void closesAThread() {
        fixture.given(opened())
               .when(new CloseThreadCommand(SLUG, null, EDITOR))
               .expectResultMessagePayload(2L)
               .expectEvents(new ThreadClosedEvent(SLUG, EDITOR, fixture.currentTime()));
    }

    @Test
    void refusesToRenameAClosedThread() {
        fixture.given(opened(), closed())
               .when(new RenameThreadCommand(SLUG, 1L, "Преговорите за Украйна", null, EDITOR))
               .expectException(ThreadClosedException.class)
               .expectNoEvents();
    }

    @Test
    void refusesToCloseAThreadTwice() {
        fixture.given(opened(), closed())
               .when(new CloseThreadCommand(SLUG, null, EDITOR))
               .expectException(ThreadClosedException.class)
               .expectExceptionMessage("Thread " + SLUG + " is closed")
               .expectNoEvents();
    }

    @Test
    void refusesAChangeBasedOnAnOldVersion() {
        fixture.given(opened(), new ThreadRenamedEvent(SLUG, "Преговорите за Украйна", null, EDITOR,
                                                      fixture.currentTime()))
               .when(new CloseThreadCommand(SLUG, 0L, EDITOR))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    private ThreadOpenedEvent opened() {
        return new ThreadOpenedEvent(SLUG, TITLE, DESCRIPTION, EDITOR, fixture.currentTime());
    }

    private ThreadClosedEvent closed() {
        return new ThreadClosedEvent(SLUG, EDITOR, fixture.currentTime());
    }
}
