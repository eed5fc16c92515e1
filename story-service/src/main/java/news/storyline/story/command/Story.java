package news.storyline.story.command;

import news.storyline.api.story.FileStoryCommand;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.UpdateStoryCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A story as the newsroom develops it: filed once, then revised. Command handlers check the rules and apply events;
 * only the event sourcing handlers change state.
 */
@Aggregate
public class Story {

    @AggregateIdentifier
    private String storyId;
    private String headline;
    private String lead;
    private String body;

    /** Axon rebuilds a story from its events through this constructor. */
    protected Story() {
    }

    @CommandHandler
    public Story(FileStoryCommand command) {
        StoryRules.requireText("headline", command.headline());
        StoryRules.requireText("lead", command.lead());
        StoryRules.requireText("body", command.body());
        StoryRules.requirePlace(command.dateline());
        StoryRules.requireText("language", command.language());
        apply(new StoryFiledEvent(command.storyId(), command.headline(), command.lead(), command.body(),
                                  command.dateline(), command.language(), command.desk(), command.filedBy(),
                                  GenericEventMessage.clock.instant()));
    }

    /** @return the story's version after the change: its number of revisions */
    @CommandHandler
    public long handle(UpdateStoryCommand command) {
        String newHeadline = changed("headline", headline, command.headline());
        String newLead = changed("lead", lead, command.lead());
        String newBody = changed("body", body, command.body());
        if (newHeadline == null && newLead == null && newBody == null) {
            throw new NothingToChangeException(storyId);
        }
        apply(new StoryUpdatedEvent(storyId, newHeadline, newLead, newBody,
                                    Objects.requireNonNullElse(command.kind(), RevisionKind.UPDATE),
                                    command.note(), command.editor(), GenericEventMessage.clock.instant()));
        return StoryVersions.publicVersion(getVersion());
    }

    /** The proposed value when it differs from the current one, else null: a revision records only changes. */
    private static String changed(String field, String current, String proposed) {
        if (proposed == null || proposed.equals(current)) {
            return null;
        }
        StoryRules.requireText(field, proposed);
        return proposed;
    }

    @EventSourcingHandler
    void on(StoryFiledEvent event) {
        storyId = event.storyId();
        headline = event.headline();
        lead = event.lead();
        body = event.body();
    }

    @EventSourcingHandler
    void on(StoryUpdatedEvent event) {
        headline = Objects.requireNonNullElse(event.headline(), headline);
        lead = Objects.requireNonNullElse(event.lead(), lead);
        body = Objects.requireNonNullElse(event.body(), body);
    }
}
