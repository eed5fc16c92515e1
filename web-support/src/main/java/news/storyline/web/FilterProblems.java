package news.storyline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * Writes a problem from a servlet filter, which no controller advice reaches, in the same shape as Spring MVC
 * writes the others (with the request's path as {@code instance}), plus the request's {@code correlationId}, as the
 * gateway's own problems carry it: a refusal from a filter is the one a caller most needs to trace.
 */
public final class FilterProblems {

    private FilterProblems() {
    }

    public static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response,
                             ObjectMapper json) throws IOException {
        String correlationId = CorrelationIds.of(request);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty(CorrelatedProblems.PROPERTY, correlationId);
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatus(problem.getStatus());
        response.setHeader(CorrelationIds.HEADER, correlationId);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
