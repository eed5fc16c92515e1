package news.storyline.story.web;

import com.fasterxml.jackson.databind.JsonNode;
import news.storyline.testsupport.Api;
import news.storyline.testsupport.ServiceIT;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

/**
 * Each event records, in its metadata, the request that wrote it: its correlation id and its trace. (Spring Boot
 * turns tracing off in tests unless asked, as here.)
 */
@ServiceIT
@AutoConfigureObservability(metrics = false)
class RequestTraceIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String GATEWAY_SPAN_ID = "00f067aa0ba902b7";

    @Autowired
    Api api;

    @Autowired
    EventStore eventStore;

    @Test
    void storesTheRequestsCorrelationIdAndTraceInTheEventsMetadata() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "corr-trace-test-1");
        headers.set("traceparent", "00-" + TRACE_ID + "-" + GATEWAY_SPAN_ID + "-01");

        ResponseEntity<JsonNode> filed = api.send(POST, "/api/stories", null, """
                {"headline": "Сеул отговори на Пхенян", "lead": "Лийд.", "body": "Текст.",
                 "dateline": {"place": "Сеул"}, "language": "bg"}
                """, headers);

        MetaData stored = eventStore.readEvents(filed.getBody().get("id").asText()).asStream()
                                    .map(DomainEventMessage::getMetaData).findFirst().orElseThrow();
        assertThat(stored.get("requestCorrelationId")).isEqualTo("corr-trace-test-1");
        assertThat((String) stored.get("traceparent"))
                .as("the service's own span, a child of the gateway's, in the gateway's trace")
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .doesNotContain(GATEWAY_SPAN_ID);
        assertThat(stored).as("Axon's own message ids are kept").containsKeys("correlationId", "traceId");
    }

    @Test
    void startsATraceForARequestThatCameWithout() {
        ResponseEntity<JsonNode> opened = api.post("/api/threads", "{\"title\": \"Без следа\"}");

        MetaData stored = eventStore.readEvents(opened.getBody().get("id").asText()).asStream()
                                    .map(DomainEventMessage::getMetaData).findFirst().orElseThrow();
        assertThat((String) stored.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(stored).doesNotContainKey("requestCorrelationId");
    }
}
