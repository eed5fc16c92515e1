package news.storyline.story.web;

import news.storyline.story.command.ThreadClosedException;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How a thread's own refusals look to a client; the ones it shares with stories are in {@link StoryProblemsAdvice}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ThreadProblemsAdvice {

    @ExceptionHandler(ThreadClosedException.class)
    ResponseEntity<ProblemDetail> closed(ThreadClosedException ex) {
        return Problems.respond(Problems.of(ProblemType.THREAD_CLOSED, ex.getMessage()));
    }
}
