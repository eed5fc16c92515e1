package news.storyline.web.trust;

import jakarta.servlet.http.HttpServletRequest;
import news.storyline.trust.Caller;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.Optional;

/** The caller the {@link CallerTrustFilter} verified for the request at hand. */
public final class Callers {

    static final String ATTRIBUTE = Caller.class.getName();

    private Callers() {
    }

    /** The verified caller of the current request; only requests on the open paths have none. */
    public static Optional<Caller> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null
                ? Optional.empty()
                : Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The verified caller of {@code request}, for filters (which may run before the request context is set). */
    public static Optional<Caller> of(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /** As {@link #current()}, for code that only runs behind the filter, where a missing caller is a bug. */
    public static Caller required() {
        return current().orElseThrow(() -> new IllegalStateException(
                "No verified caller: this code runs outside a request, or on a path the caller-trust filter leaves open"));
    }

    static void remember(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
