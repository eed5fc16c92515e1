package news.storyline.story.command;

import news.storyline.api.story.LinkTarget;
import news.storyline.api.thread.ThreadClosedEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Answers from the event store itself, which the command side owns: no read model that might lag behind. It reads
 * the target's stream without loading (and locking) the target aggregate, so two stories may link to each other
 * at the same moment without waiting on each other.
 */
@Component
class EventStoreLinkTargets implements LinkTargets {

    private final EventStore events;

    EventStoreLinkTargets(EventStore events) {
        this.events = events;
    }

    @Override
    public void requireLinkable(LinkTarget target) {
        DomainEventStream stream = events.readEvents(target.id());
        if (!stream.hasNext() || !expectedType(target).equals(stream.peek().getType())) {
            throw new LinkNotFoundException("No " + target.kind().name().toLowerCase() + " " + target.id());
        }
        if (target.kind() == LinkTarget.Kind.THREAD && isClosed(stream)) {
            throw new ThreadClosedException(target.id());
        }
    }

    private static String expectedType(LinkTarget target) {
        return target.kind() == LinkTarget.Kind.THREAD ? NewsThread.class.getSimpleName()
                : Story.class.getSimpleName();
    }

    /** A thread's stream is short, and a closed thread stays closed. */
    private static boolean isClosed(DomainEventStream stream) {
        return stream.asStream().anyMatch(event -> event.getPayload() instanceof ThreadClosedEvent);
    }
}
