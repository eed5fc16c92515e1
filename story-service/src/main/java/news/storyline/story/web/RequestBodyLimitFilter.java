package news.storyline.story.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.storyline.web.ProblemType;
import news.storyline.web.FilterProblems;
import news.storyline.web.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request body over the limit before anything reads it. Tomcat's limits cover forms and multipart
 * only; Jackson would read a JSON body of any size into memory. A body that declares its length is judged by
 * it (Tomcat never hands on more than was declared); a chunked one is read up to one byte past the limit and,
 * if it fits, handed on from memory.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;
    private final ObjectMapper json;

    public RequestBodyLimitFilter(long maxBytes, ObjectMapper json) {
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("A body limit must lie between 0 and 2 GiB, not " + maxBytes);
        }
        this.maxBytes = (int) maxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declaredLength = request.getContentLengthLong();
        if (declaredLength > maxBytes) {
            refuse(request, response);
        } else if (declaredLength >= 0) {
            chain.doFilter(request, response);
        } else {
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(request, response);
            } else {
                chain.doFilter(new BufferedBodyRequest(request, body), response);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FilterProblems.write(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "A request body may have at most " + maxBytes
                + " bytes"), request, response, json);
    }
}
