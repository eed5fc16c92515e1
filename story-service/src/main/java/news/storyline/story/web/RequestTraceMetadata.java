package news.storyline.story.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import news.storyline.web.CorrelationIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Puts the HTTP request's ids on each command it sends, so that the events the command records carry them (a
 * correlation data provider copies them on): {@value #REQUEST_CORRELATION_ID}, the {@code X-Correlation-Id} the
 * gateway gave the request, and {@value #TRACEPARENT}, the W3C trace context of the span that served it. With these,
 * an event in the store leads to the request, and the logs, that wrote it. (Axon's own {@code correlationId} and
 * {@code traceId} name messages, not requests.)
 */
public class RequestTraceMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String REQUEST_CORRELATION_ID = "requestCorrelationId";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern TRACEPARENT_FORM = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final int TRACE_ID_HEX_DIGITS = 32;

    private final Tracer tracer;

    public RequestTraceMetadata(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Map<String, String> ids = currentRequestIds();
        return (index, command) -> ids.isEmpty() ? command : command.andMetaData(ids);
    }

    private Map<String, String> currentRequestIds() {
        Map<String, String> ids = new HashMap<>();
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
                attributes ? attributes.getRequest() : null;
        if (request != null && CorrelationIds.isWellFormed(request.getHeader(CorrelationIds.HEADER))) {
            ids.put(REQUEST_CORRELATION_ID, request.getHeader(CorrelationIds.HEADER));
        }
        String received = request == null ? null : request.getHeader(TRACEPARENT);
        String traceparent = traceparent(tracer.currentSpan(), isTraceparent(received) ? received : null);
        if (traceparent != null) {
            ids.put(TRACEPARENT, traceparent);
        }
        return ids;
    }

    /**
     * The span that served the request, when it belongs to the trace the request came with (or the request came
     * with none); else the request's own. With tracing switched off the tracer neither continues the gateway's
     * trace nor has real ids (a no-op one has empty ids), and the event must still lead to the request's trace.
     */
    private static String traceparent(Span span, String received) {
        boolean spanHasIds = span != null && !span.context().traceId().isEmpty();
        if (!spanHasIds) {
            return received;
        }
        String served = traceparentOf(span.context());
        return received == null || traceIdOf(received).equals(traceIdOf(served)) ? served : received;
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.substring(3, 3 + TRACE_ID_HEX_DIGITS);
    }

    /** {@code 00-<trace id>-<span id>-<flags>}; a 64-bit trace id is padded to 128 bits, as W3C Trace Context says. */
    private static String traceparentOf(TraceContext context) {
        String traceId = "0".repeat(Math.max(0, TRACE_ID_HEX_DIGITS - context.traceId().length())) + context.traceId();
        return "00-" + traceId + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    private static boolean isTraceparent(String value) {
        return value != null && TRACEPARENT_FORM.matcher(value).matches();
    }
}
