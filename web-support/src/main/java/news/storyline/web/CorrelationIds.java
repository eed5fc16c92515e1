package news.storyline.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Correlation-Id} a request carries: the gateway gives every request one and passes it on, so that one
 * id ties together the client's report, the gateway's log and the service's. The same rule as the gateway's.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationIds() {
    }

    /** The request's correlation id when it is well-formed; else a new one, for a request that bypassed the gateway. */
    public static String of(HttpServletRequest request) {
        String sent = request.getHeader(HEADER);
        return isWellFormed(sent) ? sent : UUID.randomUUID().toString();
    }

    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
