package news.storyline.story.web;

import news.storyline.story.command.InvalidStoryException;
import news.storyline.story.command.LinkNotFoundException;
import news.storyline.story.command.NothingToChangeException;
import news.storyline.story.command.StoryVersions;
import news.storyline.story.command.StoryWithdrawnException;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the command side's refusals look to a client, for stories and threads. Nothing was written in any case. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoryProblemsAdvice {

    @ExceptionHandler(InvalidStoryException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidStoryException ex) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, ex.getMessage());
        problem.setProperty("field", ex.field());
        return Problems.respond(problem);
    }

    @ExceptionHandler(NothingToChangeException.class)
    ResponseEntity<ProblemDetail> nothingToChange(NothingToChangeException ex) {
        return Problems.respond(Problems.of(ProblemType.UNPROCESSABLE, ex.getMessage()));
    }

    @ExceptionHandler(StoryWithdrawnException.class)
    ResponseEntity<ProblemDetail> withdrawn(StoryWithdrawnException ex) {
        return Problems.respond(Problems.of(ProblemType.STORY_WITHDRAWN, ex.getMessage()));
    }

    @ExceptionHandler(LinkNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchLink(LinkNotFoundException ex) {
        return Problems.respond(Problems.of(ProblemType.NOT_FOUND, ex.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        return Problems.respond(Problems.of(ProblemType.NOT_FOUND, "Nothing is filed as " + ex.getAggregateIdentifier()));
    }

    /**
     * Stories and threads share the event store, so an id may name one where the other is asked for (a story's id
     * on a thread's route); Axon then finds events it cannot build the aggregate from. For the client, there is
     * no such thing there.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherKind(IncompatibleAggregateException ex) {
        return Problems.respond(Problems.of(ProblemType.NOT_FOUND, "Nothing of this kind is filed under that id"));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException ex) {
        long current = StoryVersions.publicVersion(ex.getActualVersion());
        ProblemDetail problem = Problems.of(ProblemType.VERSION_CONFLICT,
                                            "You based this on version "
                                                    + StoryVersions.publicVersion(ex.getExpectedVersion())
                                                    + "; it is at version " + current);
        problem.setProperty("currentVersion", current);
        return ResponseEntity.status(problem.getStatus()).eTag(Versions.etag(current)).body(problem);
    }

    /** Another writer, perhaps in another process, stored a change at the same moment and won. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException ex) {
        return Problems.respond(Problems.of(ProblemType.VERSION_CONFLICT,
                                            "Someone else changed it at the same moment; reload and retry"));
    }

    /** The id is taken: a thread's slug that is in use (or, vanishingly rarely, a story id generated twice). */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException ex) {
        return Problems.respond(Problems.of(ProblemType.ALREADY_EXISTS, "That id is already in use"));
    }

    @ExceptionHandler(Versions.MalformedIfMatchException.class)
    ResponseEntity<ProblemDetail> malformedIfMatch(Versions.MalformedIfMatchException ex) {
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, ex.getMessage());
        problem.setProperty("field", HttpHeaders.IF_MATCH);
        return Problems.respond(problem);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
        if (HttpHeaders.IF_MATCH.equalsIgnoreCase(ex.getHeaderName())) {
            return Problems.respond(Problems.of(ProblemType.PRECONDITION_REQUIRED,
                                                "Send If-Match with the version the change is based on"));
        }
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, "Header " + ex.getHeaderName()
                + " is required");
        problem.setProperty("field", ex.getHeaderName());
        return Problems.respond(problem);
    }
}
