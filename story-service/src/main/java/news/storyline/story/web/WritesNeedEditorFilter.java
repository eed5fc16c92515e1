package news.storyline.story.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.storyline.trust.Roles;
import news.storyline.web.FilterProblems;
import news.storyline.web.ProblemType;
import news.storyline.web.Problems;
import news.storyline.web.trust.Callers;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Only editors change stories and threads: a write from any other caller is refused with a {@code 403} before
 * anything reads its body or claims its {@code Idempotency-Key}. The gateway checks roles too; this holds even if a
 * route there is misconfigured.
 */
public class WritesNeedEditorFilter extends OncePerRequestFilter {


    private final ObjectMapper json;

    public WritesNeedEditorFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WriteRequests.isWrite(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (Callers.of(request).filter(caller -> caller.hasRole(Roles.EDITOR)).isPresent()) {
            chain.doFilter(request, response);
        } else {
            FilterProblems.write(Problems.of(ProblemType.FORBIDDEN, "Only editors may change stories and threads"),
                                 request, response, json);
        }
    }
}
