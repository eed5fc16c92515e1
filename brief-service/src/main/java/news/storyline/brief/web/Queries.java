package news.storyline.brief.web;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Asks the read models through Axon's query bus and waits for the answer, giving back the read model's own
 * exception (a refused query, say) instead of the future's wrapper.
 */
@Component
class Queries {

    private final QueryGateway gateway;

    Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    <R> R ask(Object query, Class<R> answer) {
        return ask(query, ResponseTypes.instanceOf(answer));
    }

    <R> Optional<R> askOptional(Object query, Class<R> answer) {
        return ask(query, ResponseTypes.optionalInstanceOf(answer));
    }

    private <R> R ask(Object query, ResponseType<R> answer) {
        try {
            return gateway.query(query, answer).join();
        } catch (CompletionException wrapped) {
            Throwable cause = wrapped.getCause();
            while (cause != null && !(cause instanceof RuntimeException)) {
                cause = cause.getCause();
            }
            throw cause != null ? (RuntimeException) cause : wrapped;
        }
    }
}
