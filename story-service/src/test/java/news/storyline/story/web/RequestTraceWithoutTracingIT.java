package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

/**
 * With tracing off (as Spring Boot has it in tests, or {@code management.tracing.enabled=false}) the service does not
 * continue the gateway's trace; the event keeps the trace context the gateway sent, not ids of a trace of its own.
 */
@ServiceIT
class RequestTraceWithoutTracingIT {

    private static final String GATEWAY_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Autowired
    Api api;

    @Autowired
    EventStore eventStore;

    @Test
    void keepsTheGatewaysTraceparentAsItCame() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("traceparent", GATEWAY_TRACEPARENT);

        ResponseEntity<JsonNode> filed = api.send(POST, "/api/stories", null, """
                {"headline": "Сеул отговори на Пхенян", "lead": "Лийд.", "body": "Текст.",
                 "dateline": {"place": "Сеул"}, "language": "bg"}
                """, headers);

        MetaData stored = eventStore.readEvents(filed.getBody().get("id").asText()).asStream()
                                    .map(DomainEventMessage::getMetaData).findFirst().orElseThrow();
        assertThat(stored.get("traceparent")).isEqualTo(GATEWAY_TRACEPARENT);
    }
}
