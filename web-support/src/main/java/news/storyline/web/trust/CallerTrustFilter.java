package news.storyline.web.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.storyline.trust.CallerTokens;
import news.storyline.trust.UntrustedCallerException;
import news.storyline.web.FilterProblems;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Answers only requests the gateway relayed: each must carry a caller token ({@link CallerTokens#HEADER}) that only
 * the gateway can mint, else {@code 401}. The verified caller is kept for the request ({@link Callers}). Health,
 * info, metrics and the OpenAPI document stay open, for probes, Prometheus and the gateway's {@code /docs}.
 */
public class CallerTrustFilter extends OncePerRequestFilter {

    /** Right after the filters that trace the request, so that refusals are traced too, and before all others. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    static final String REFUSAL = "This service answers only requests relayed by the gateway";

    private static final Logger log = LoggerFactory.getLogger(CallerTrustFilter.class);
    private static final List<String> OPEN_PATHS = List.of("/actuator/info", "/actuator/prometheus");
    private static final List<String> OPEN_TREES = List.of("/actuator/health", "/v3/api-docs");

    private final CallerTokens tokens;
    private final ObjectMapper json;

    public CallerTrustFilter(CallerTokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = pathOf(request);
        return OPEN_PATHS.contains(path)
               || OPEN_TREES.stream().anyMatch(tree -> path.equals(tree) || path.startsWith(tree + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Callers.remember(request, tokens.verify(request.getHeader(CallerTokens.HEADER)));
        } catch (UntrustedCallerException untrusted) {
            // The reason helps whoever runs the stack; the caller learns only that it must come through the gateway.
            log.warn("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), untrusted.getMessage());
            FilterProblems.write(Problems.of(ProblemType.UNAUTHENTICATED, REFUSAL), request, response, json);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The path as the servlet container resolved it (decoded, dot segments removed), not the raw URI, so that
     * {@code /actuator/health/../../api/stories} is judged as the {@code /api/stories} it is.
     */
    private static String pathOf(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }
}
