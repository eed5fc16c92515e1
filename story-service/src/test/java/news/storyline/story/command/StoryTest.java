package news.storyline.story.command;

import news.storyline.api.source.SourceRegistry;
import news.storyline.api.story.AttributeStoryCommand;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.AttributionRole;
import news.storyline.api.story.Dateline;
import news.storyline.api.story.LinkStoryCommand;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryRelation;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.story.UnlinkStoryCommand;
import news.storyline.api.story.WithdrawStoryCommand;
import news.storyline.api.story.Editor;
import news.storyline.api.story.FileStoryCommand;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.UpdateStoryCommand;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class StoryTest {

    private static final String ID = "story-1";
    private static final Dateline PYONGYANG = Dateline.of("Пхенян");
    private static final Editor EDITOR_1 = new Editor("editor-1", "Иван Петров");
    private static final Editor EDITOR_2 = Editor.of("editor-2");
    private static final Editor E = Editor.of("e");

    private AggregateTestFixture<Story> fixture;

    /** Targets the tests link to; the real lookup reads the event store (see EventStoreLinkTargets). */
    private final LinkTargets targets = target -> {
        switch (target.id()) {
            case "ukraine-peace-talks", "story-2" -> { }
            case "closed-thread" -> throw new ThreadClosedException(target.id());
            default -> throw new LinkNotFoundException("No " + target.id());
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Story.class);
        fixture.registerInjectableResource(SourceRegistry.agencies());
        fixture.registerInjectableResource(targets);
    }

    @Test
    void attributesAStoryNamingKnownSourcesHoweverWritten() {
        fixture.given(filed())
               .when(new AttributeStoryCommand(ID, null, List.of(
                       new AttributionHop(" КЦТА ", null, AttributionRole.ORIGINATOR),
                       new AttributionHop("Франс прес", null, AttributionRole.CITED_BY),
                       new AttributionHop("Вестник Родина", null, AttributionRole.CARRIER)), E))
               .expectResultMessagePayload(2L)
               .expectEvents(new StoryAttributedEvent(ID, List.of(
                       new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
                       new AttributionHop("Франс прес", "afp", AttributionRole.CITED_BY),
                       new AttributionHop("Вестник Родина", null, AttributionRole.CARRIER)), E, fixture.currentTime()));
    }

    @Test
    void refusesAnEmptyChainAndAHopWithoutRole() {
        fixture.given(filed())
               .when(new AttributeStoryCommand(ID, null, List.of(), E))
               .expectException(InvalidStoryException.class)
               .expectNoEvents();
        fixture.given(filed())
               .when(new AttributeStoryCommand(ID, null, List.of(new AttributionHop("АФП", null, null)), E))
               .expectException(InvalidStoryException.class)
               .expectExceptionMessage("chain[0].role must be given");
    }

    @Test
    void recordsTheSameChainOnlyOnce() {
        List<AttributionHop> chain = List.of(new AttributionHop("АФП", "afp", AttributionRole.ORIGINATOR));
        fixture.given(filed(), new StoryAttributedEvent(ID, chain, E, fixture.currentTime()))
               .when(new AttributeStoryCommand(ID, null, List.of(new AttributionHop("АФП", null,
                                                                                    AttributionRole.ORIGINATOR)), E))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(2L)
               .expectNoEvents();
    }

    @Test
    void carriesSeveralIndependentChains() {
        List<AttributionHop> viaAfp = List.of(new AttributionHop("КЦТА", "kcna", AttributionRole.ORIGINATOR),
                                              new AttributionHop("Франс прес", "afp", AttributionRole.CITED_BY));
        List<AttributionHop> embassy = List.of(new AttributionHop("Руското посолство в Пхенян", null,
                                                                  AttributionRole.ORIGINATOR));
        fixture.given(filed(), new StoryAttributedEvent(ID, viaAfp, E, fixture.currentTime()))
               .when(new AttributeStoryCommand(ID, null, embassy, E))
               .expectResultMessagePayload(3L)
               .expectEvents(new StoryAttributedEvent(ID, embassy, E, fixture.currentTime()));
    }

    @Test
    void linksAStoryToAThread() {
        fixture.given(filed())
               .when(new LinkStoryCommand(ID, null, LinkTarget.thread("ukraine-peace-talks"), E))
               .expectResultMessagePayload(2L)
               .expectEvents(new StoryLinkedEvent(ID, LinkTarget.thread("ukraine-peace-talks"), E,
                                                  fixture.currentTime()));
    }

    @Test
    void linkingTwiceIsANoOp() {
        fixture.given(filed(), new StoryLinkedEvent(ID, LinkTarget.thread("ukraine-peace-talks"), E,
                                                    fixture.currentTime()))
               .when(new LinkStoryCommand(ID, null, LinkTarget.thread("ukraine-peace-talks"), E))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(2L)
               .expectNoEvents();
    }

    @Test
    void linksAStoryToAnotherWithARelation() {
        LinkTarget followUp = LinkTarget.story("story-2", StoryRelation.FOLLOW_UP_OF);
        fixture.given(filed())
               .when(new LinkStoryCommand(ID, null, followUp, E))
               .expectEvents(new StoryLinkedEvent(ID, followUp, E, fixture.currentTime()));
    }

    @Test
    void refusesALinkToWhatDoesNotExistOrIsClosed() {
        fixture.given(filed())
               .when(new LinkStoryCommand(ID, null, LinkTarget.thread("no-such-thread"), E))
               .expectException(LinkNotFoundException.class)
               .expectNoEvents();
        fixture.given(filed())
               .when(new LinkStoryCommand(ID, null, LinkTarget.thread("closed-thread"), E))
               .expectException(ThreadClosedException.class)
               .expectNoEvents();
    }

    @Test
    void refusesALinkBetweenStoriesWithoutRelationOrToItself() {
        fixture.given(filed())
               .when(new LinkStoryCommand(ID, null, LinkTarget.story("story-2", null), E))
               .expectException(InvalidStoryException.class)
               .expectExceptionMessage("relation must say how the stories relate");
        fixture.given(filed())
               .when(new LinkStoryCommand(ID, null, LinkTarget.story(ID, StoryRelation.RELATED_TO), E))
               .expectException(InvalidStoryException.class);
        fixture.given(filed())
               .when(new LinkStoryCommand(ID, null, new LinkTarget(LinkTarget.Kind.THREAD, "ukraine-peace-talks",
                                                                    StoryRelation.RELATED_TO), E))
               .expectException(InvalidStoryException.class);
    }

    @Test
    void unlinksWhatItWasLinkedTo() {
        fixture.given(filed(), new StoryLinkedEvent(ID, LinkTarget.thread("ukraine-peace-talks"), E,
                                                    fixture.currentTime()))
               .when(new UnlinkStoryCommand(ID, null, "ukraine-peace-talks", E))
               .expectResultMessagePayload(3L)
               .expectEvents(new StoryUnlinkedEvent(ID, LinkTarget.thread("ukraine-peace-talks"), E,
                                                    fixture.currentTime()));
    }

    @Test
    void refusesToUnlinkWhatItIsNotLinkedTo() {
        fixture.given(filed())
               .when(new UnlinkStoryCommand(ID, null, "ukraine-peace-talks", E))
               .expectException(LinkNotFoundException.class)
               .expectNoEvents();
    }

    @Test
    void withdrawsAStoryWithItsReason() {
        fixture.given(filed())
               .when(new WithdrawStoryCommand(ID, 0L, "Източникът оттегли съобщението", E))
               .expectResultMessagePayload(2L)
               .expectEvents(new StoryWithdrawnEvent(ID, "Източникът оттегли съобщението", E,
                                                     fixture.currentTime()));
    }

    @Test
    void refusesAWithdrawalWithoutReason() {
        fixture.given(filed())
               .when(new WithdrawStoryCommand(ID, null, " ", E))
               .expectException(InvalidStoryException.class)
               .expectNoEvents();
    }

    @Test
    void aWithdrawnStoryTakesNoMoreChanges() {
        StoryWithdrawnEvent withdrawn = new StoryWithdrawnEvent(ID, "Грешка", E, fixture.currentTime());
        fixture.given(filed(), withdrawn)
               .when(new UpdateStoryCommand(ID, null, "Ново", null, null, null, null, E))
               .expectException(StoryWithdrawnException.class).expectNoEvents();
        fixture.given(filed(), withdrawn)
               .when(new AttributeStoryCommand(ID, null, List.of(new AttributionHop("БТА", null,
                                                                                    AttributionRole.ORIGINATOR)), E))
               .expectException(StoryWithdrawnException.class).expectNoEvents();
        fixture.given(filed(), withdrawn)
               .when(new LinkStoryCommand(ID, null, LinkTarget.thread("ukraine-peace-talks"), E))
               .expectException(StoryWithdrawnException.class).expectNoEvents();
        fixture.given(filed(), withdrawn)
               .when(new UnlinkStoryCommand(ID, null, "ukraine-peace-talks", E))
               .expectException(StoryWithdrawnException.class).expectNoEvents();
        fixture.given(filed(), withdrawn)
               .when(new WithdrawStoryCommand(ID, null, "Пак", E))
               .expectException(StoryWithdrawnException.class).expectNoEvents();
    }

    @Test
    void refusesAChangeBasedOnAnOldVersion() {
        fixture.given(filed(), new StoryLinkedEvent(ID, LinkTarget.thread("ukraine-peace-talks"), E,
                                                    fixture.currentTime()))
               .when(new WithdrawStoryCommand(ID, 0L, "Грешка", E))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void filesAStory() {
        fixture.givenNoPriorActivity()
               .when(file("Ким Чен-ун обеща на Русия подкрепа"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StoryFiledEvent(ID, "Ким Чен-ун обеща на Русия подкрепа", "Лийд.", "Текст.",
                                                 PYONGYANG, "bg", "world", EDITOR_1, fixture.currentTime()));
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
               .when(new FileStoryCommand(ID, "Заглавие", "Лийд.", "Текст.", Dateline.of(""), "bg", null, E))
               .expectException(InvalidStoryException.class)
               .expectNoEvents();
    }

    @Test
    void recordsOnlyTheFieldsARevisionChanges() {
        fixture.given(filed())
               .when(new UpdateStoryCommand(ID, 0L, "Ново заглавие", "Лийд.", null, RevisionKind.CORRECTION,
                                            "Поправено име", EDITOR_2))
               .expectResultMessagePayload(2L)
               .expectEvents(new StoryUpdatedEvent(ID, "Ново заглавие", null, null, RevisionKind.CORRECTION,
                                                   "Поправено име", EDITOR_2, fixture.currentTime()));
    }

    @Test
    void refusesARevisionThatChangesNothing() {
        fixture.given(filed())
               .when(new UpdateStoryCommand(ID, 0L, "Заглавие", "Лийд.", "Текст.", RevisionKind.UPDATE, null, E))
               .expectException(NothingToChangeException.class)
               .expectNoEvents();
    }

    @Test
    void refusesARevisionBasedOnAnOldVersion() {
        fixture.given(filed(), new StoryUpdatedEvent(ID, "Второ заглавие", null, null, RevisionKind.UPDATE, null,
                                                    E, fixture.currentTime()))
               .when(new UpdateStoryCommand(ID, 0L, "Трето заглавие", null, null, RevisionKind.UPDATE, null, E))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void defaultsARevisionToAnUpdate() {
        fixture.given(filed())
               .when(new UpdateStoryCommand(ID, null, null, null, "Нов текст.", null, null, E))
               .expectEvents(new StoryUpdatedEvent(ID, null, null, "Нов текст.", RevisionKind.UPDATE, null, E,
                                                   fixture.currentTime()));
    }

    private FileStoryCommand file(String headline) {
        return new FileStoryCommand(ID, headline, "Лийд.", "Текст.", PYONGYANG, "bg", "world", EDITOR_1);
    }

    private StoryFiledEvent filed() {
        return new StoryFiledEvent(ID, "Заглавие", "Лийд.", "Текст.", PYONGYANG, "bg", "world", EDITOR_1,
                                   fixture.currentTime());
    }
}
