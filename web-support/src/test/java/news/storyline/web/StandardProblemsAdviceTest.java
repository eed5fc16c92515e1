package news.storyline.web;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class StandardProblemsAdviceTest {

    private final StandardProblemsAdvice advice = new StandardProblemsAdvice();

    @Test
    void tellsTheCallerToComeBackWhileTheDatabaseCannotBeReached() {
        Exception wrapped = new IllegalStateException("Command failed",
                new RuntimeException(new MongoTimeoutException("Timed out while waiting for a server")));

        ResponseEntity<ProblemDetail> answer = advice.unexpected(wrapped);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getBody().getType()).isEqualTo(ProblemType.UNAVAILABLE.uri());
    }

    @Test
    void takesALostConnectionForAnOutageToo() {
        Exception lost = new MongoSocketOpenException("Connection refused", new ServerAddress(),
                                                      new IOException("refused"));

        assertThat(advice.unexpected(lost).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void answersAnyOtherFailureAsOurs() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
    }
}
