package news.storyline.story.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import news.storyline.api.source.Source;
import news.storyline.api.source.SourceRegistry;
import news.storyline.api.story.AttributeStoryCommand;
import news.storyline.api.story.AttributionHop;
import news.storyline.api.story.FileStoryCommand;
import news.storyline.api.story.LinkStoryCommand;
import news.storyline.api.story.LinkTarget;
import news.storyline.api.story.RevisionKind;
import news.storyline.api.story.StoryAttributedEvent;
import news.storyline.api.story.StoryFiledEvent;
import news.storyline.api.story.StoryLinkedEvent;
import news.storyline.api.story.StoryUnlinkedEvent;
import news.storyline.api.story.StoryUpdatedEvent;
import news.storyline.api.story.StoryWithdrawnEvent;
import news.storyline.api.story.UnlinkStoryCommand;
import news.storyline.api.story.UpdateStoryCommand;
import news.storyline.api.story.WithdrawStoryCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A story as the newsroom develops it: filed once, then revised, attributed, linked to threads and other stories,
 * and perhaps withdrawn. Command handlers check the rules and apply events; only the event sourcing handlers
 * change state. Snapshots (every {@code storyline.snapshots.story-threshold} events) keep a story with thousands
 * of revisions quick to load; its fields are what a snapshot holds.
 */
@Aggregate(snapshotTriggerDefinition = "storySnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
                getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Story {

    @AggregateIdentifier
    private String storyId;
    private String headline;
    private String lead;
    private String body;
    private List<List<AttributionHop>> attributions = new ArrayList<>();
    private List<LinkTarget> links = new ArrayList<>();
    private boolean withdrawn;

    /** Axon rebuilds a story from its events (and Jackson from a snapshot) through this constructor. */
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
                                  now()));
    }

    /** @return the story's version after the change: its number of events */
    @CommandHandler
    public long handle(UpdateStoryCommand command) {
        requireNotWithdrawn();
        String newHeadline = changed("headline", headline, command.headline());
        String newLead = changed("lead", lead, command.lead());
        String newBody = changed("body", body, command.body());
        if (newHeadline == null && newLead == null && newBody == null) {
            throw new NothingToChangeException(storyId);
        }
        apply(new StoryUpdatedEvent(storyId, newHeadline, newLead, newBody,
                                    Objects.requireNonNullElse(command.kind(), RevisionKind.UPDATE),
                                    command.note(), command.editor(), now()));
        return currentVersion();
    }

    /**
     * Records the chain as written, each hop also naming the registry's source when it knows the name. A chain the
     * story already carries changes nothing and records nothing.
     */
    @CommandHandler
    public long handle(AttributeStoryCommand command, SourceRegistry sources) {
        requireNotWithdrawn();
        StoryRules.requireChain(command.chain());
        List<AttributionHop> chain = command.chain().stream()
                                            .map(hop -> resolved(hop, sources))
                                            .toList();
        if (!attributions.contains(chain)) {
            apply(new StoryAttributedEvent(storyId, chain, command.editor(), now()));
        }
        return currentVersion();
    }

    /** Linking to what the story is already linked to, the same way, changes nothing and records nothing. */
    @CommandHandler
    public long handle(LinkStoryCommand command, LinkTargets targets) {
        requireNotWithdrawn();
        LinkTarget target = command.target();
        StoryRules.requireLinkTarget(target, storyId);
        if (!links.contains(target)) {
            targets.requireLinkable(target);
            apply(new StoryLinkedEvent(storyId, target, command.editor(), now()));
        }
        return currentVersion();
    }

    @CommandHandler
    public long handle(UnlinkStoryCommand command) {
        requireNotWithdrawn();
        LinkTarget link = linkTo(command.target())
                .orElseThrow(() -> new LinkNotFoundException("Story " + storyId + " is not linked to "
                                                                     + command.target()));
        apply(new StoryUnlinkedEvent(storyId, link, command.editor(), now()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(WithdrawStoryCommand command) {
        requireNotWithdrawn();
        StoryRules.requireText("reason", command.reason());
        apply(new StoryWithdrawnEvent(storyId, command.reason(), command.editor(), now()));
        return currentVersion();
    }

    private void requireNotWithdrawn() {
        if (withdrawn) {
            throw new StoryWithdrawnException(storyId);
        }
    }

    private Optional<LinkTarget> linkTo(String id) {
        return links.stream().filter(link -> link.id().equals(id)).findFirst();
    }

    /** The proposed value when it differs from the current one, else null: a revision records only changes. */
    private static String changed(String field, String current, String proposed) {
        if (proposed == null || proposed.equals(current)) {
            return null;
        }
        StoryRules.requireText(field, proposed);
        return proposed;
    }

    private static AttributionHop resolved(AttributionHop hop, SourceRegistry sources) {
        String written = hop.source().strip();
        return new AttributionHop(written, sources.resolve(written).map(Source::id).orElse(null), hop.role());
    }

    private static long currentVersion() {
        return StoryVersions.publicVersion(getVersion());
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
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

    @EventSourcingHandler
    void on(StoryAttributedEvent event) {
        attributions.add(List.copyOf(event.chain()));
    }

    /** A link to a target already linked (with another relation) replaces the old one. */
    @EventSourcingHandler
    void on(StoryLinkedEvent event) {
        links.removeIf(link -> link.id().equals(event.target().id()));
        links.add(event.target());
    }

    @EventSourcingHandler
    void on(StoryUnlinkedEvent event) {
        links.removeIf(link -> link.id().equals(event.target().id()));
    }

    @EventSourcingHandler
    void on(StoryWithdrawnEvent event) {
        withdrawn = true;
    }
}
