package news.storyline.gateway;

import org.springframework.web.server.ServerWebExchange;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules for the two ids a request carries through the stack: the {@code X-Correlation-Id} (the client's, when
 * it is well-formed, else a fresh UUID) and the W3C Trace Context {@code traceparent}: a client's is continued only
 * when valid (the trace itself is Micrometer Tracing's, see {@link CorrelationFilter}).
 */
final class Correlation {

    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    /** Where the request's correlation id is kept; exchange attributes are shared by every mutated exchange. */
    static final String CORRELATION_ID_ATTRIBUTE = Correlation.class.getName() + ".correlationId";

    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    // version-traceid-parentid-flags; a future version may append fields after a dash (W3C Trace Context, 4.3).
    private static final Pattern TRACEPARENT_PATTERN =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

    private Correlation() {
    }

    static boolean isWellFormedCorrelationId(String id) {
        return id != null && WELL_FORMED_ID.matcher(id).matches();
    }

    static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    static boolean isValidTraceparent(String value) {
        if (value == null) {
            return false;
        }
        var matcher = TRACEPARENT_PATTERN.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        String version = matcher.group(1);
        if ("ff".equals(version) || ("00".equals(version) && matcher.group(5) != null)) {
            return false;
        }
        return !isAllZeros(matcher.group(2)) && !isAllZeros(matcher.group(3));
    }

    /** The correlation id the {@link CorrelationFilter} gave this request, if it has run. */
    static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(CORRELATION_ID_ATTRIBUTE);
    }

    private static boolean isAllZeros(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
