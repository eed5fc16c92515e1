package news.storyline.brief.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import news.storyline.brief.webhook.DeadLetter;
import news.storyline.brief.webhook.Redelivery;
import news.storyline.brief.webhook.WebhookRegistry;
import news.storyline.brief.webhook.WebhookRequest;
import news.storyline.brief.webhook.WebhookView;
import news.storyline.web.MalformedBodies;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhooks (role admin, which the gateway checks): register a receiver for the feed's events, see how delivery to
 * it goes, inspect and redeliver its dead letters, remove it.
 */
@RestController
@RequestMapping("/api/admin/webhooks")
class WebhookController {

    private final WebhookRegistry registry;
    /** Strict about the body: a misspelt field ("type" for "types") would otherwise widen the subscription. */
    private final ObjectReader requests;

    WebhookController(WebhookRegistry registry, ObjectMapper json) {
        this.registry = registry;
        // "after": 1.5 is no position: refused rather than cut to 1. Nothing may follow the JSON document.
        this.requests = json.readerFor(WebhookRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Registers a webhook; the answer shows its signing secret, once. */
    @PostMapping
    ResponseEntity<?> register(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = WebhookRequest.class))) @RequestBody JsonNode body) {
        WebhookRequest request;
        try {
            request = requests.readValue(body);
        } catch (MismatchedInputException malformed) {
            ProblemDetail problem = Problems.of(ProblemType.MALFORMED_BODY, "Field " + MalformedBodies.path(malformed)
                                                                            + " is unknown or has the wrong type");
            problem.setProperty("field", MalformedBodies.path(malformed));
            return Problems.respond(problem);
        } catch (IOException unreadable) {
            return Problems.respond(Problems.of(ProblemType.MALFORMED_BODY, "The body is not a webhook registration"));
        }
        WebhookView webhook = registry.register(request);
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + webhook.id())).body(webhook);
    }

    @GetMapping
    Map<String, List<WebhookView>> webhooks() {
        return Map.of("webhooks", registry.all());
    }

    @GetMapping("/{id}")
    ResponseEntity<?> webhook(@PathVariable String id) {
        return found(registry.find(id), id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> remove(@PathVariable String id) {
        return registry.remove(id) ? ResponseEntity.noContent().build() : notFound(id);
    }

    @GetMapping("/{id}/dead-letters")
    ResponseEntity<?> deadLetters(@PathVariable String id) {
        return found(registry.deadLetters(id).map(letters -> Map.<String, List<DeadLetter>>of("deadLetters", letters)),
                     id);
    }

    /** Sends a dead letter again, once; the answer says whether the receiver took it. */
    @PostMapping("/{id}/dead-letters/{position}/redeliver")
    ResponseEntity<?> redeliver(@PathVariable String id, @PathVariable long position) throws InterruptedException {
        Optional<Redelivery> redelivery = registry.redeliver(id, position);
        return redelivery.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> Problems.respond(Problems.of(
                ProblemType.NOT_FOUND, "No dead letter at position " + position + " of webhook " + id)));
    }

    private static ResponseEntity<?> found(Optional<?> answer, String id) {
        return answer.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    private static ResponseEntity<?> notFound(String id) {
        return Problems.respond(Problems.of(ProblemType.NOT_FOUND, "No webhook " + id));
    }
}
