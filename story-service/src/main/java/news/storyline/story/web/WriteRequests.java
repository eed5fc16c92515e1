package news.storyline.story.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/** Which requests change something: the filters that guard writes must agree on it. */
public final class WriteRequests {

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "DELETE", "PATCH");

    private WriteRequests() {
    }

    public static boolean isWrite(HttpServletRequest request) {
        return WRITE_METHODS.contains(request.getMethod());
    }
}
