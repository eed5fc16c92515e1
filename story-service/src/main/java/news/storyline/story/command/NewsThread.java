package news.storyline.story.command;

import news.storyline.api.thread.CloseThreadCommand;
import news.storyline.api.thread.OpenThreadCommand;
import news.storyline.api.thread.RenameThreadCommand;
import news.storyline.api.thread.ThreadClosedEvent;
import news.storyline.api.thread.ThreadOpenedEvent;
import news.storyline.api.thread.ThreadRenamedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A developing thread ({@code ukraine-peace-talks}) that stories are linked to: opened, perhaps renamed, at last
 * closed. Its slug is its identifier, so the event store, which keeps one stream per identifier, refuses a second
 * thread with the same slug. Named so as not to be confused with {@link java.lang.Thread}.
 */
@Aggregate
public class NewsThread {

    @AggregateIdentifier
    private String slug;
    private String title;
    private String description;
    private boolean closed;

    /** Axon rebuilds a thread from its events through this constructor. */
    protected NewsThread() {
    }

    @CommandHandler
    public NewsThread(OpenThreadCommand command) {
        ThreadRules.requireSlug(command.slug());
        ThreadRules.requireTitle(command.title());
        ThreadRules.requireDescription(command.description());
        apply(new ThreadOpenedEvent(command.slug(), command.title(), command.description(), command.editor(),
                                    GenericEventMessage.clock.instant()));
    }

    /**
     * A null description keeps the current one; the event names the description only when it changes.
     *
     * @return the thread's version after the change
     */
    @CommandHandler
    public long handle(RenameThreadCommand command) {
        requireOpen();
        ThreadRules.requireTitle(command.title());
        ThreadRules.requireDescription(command.description());
        String newDescription = command.description() == null || command.description().equals(description)
                ? null : command.description();
        if (command.title().equals(title) && newDescription == null) {
            throw new NothingToChangeException(slug);
        }
        apply(new ThreadRenamedEvent(slug, command.title(), newDescription, command.editor(),
                                     GenericEventMessage.clock.instant()));
        return StoryVersions.publicVersion(getVersion());
    }

    /** @return the thread's version after the change */
    @CommandHandler
    public long handle(CloseThreadCommand command) {
        requireOpen();
        apply(new ThreadClosedEvent(slug, command.editor(), GenericEventMessage.clock.instant()));
        return StoryVersions.publicVersion(getVersion());
    }

    private void requireOpen() {
        if (closed) {
            throw new ThreadClosedException(slug);
        }
    }

    @EventSourcingHandler
    void on(ThreadOpenedEvent event) {
        slug = event.slug();
        title = event.title();
        description = event.description();
    }

    @EventSourcingHandler
    void on(ThreadRenamedEvent event) {
        title = event.title();
        if (event.description() != null) {
            description = event.description();
        }
    }

    @EventSourcingHandler
    void on(ThreadClosedEvent event) {
        closed = true;
    }
}
