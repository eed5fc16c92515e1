package news.storyline.story.config;

import news.storyline.web.trust.CallerTrustFilter;
import org.springframework.boot.web.servlet.filter.OrderedFilter;

/**
 * Where story-service's own filters stand among the servlet filters. Who may write is settled first, right after
 * the caller is verified, so that nothing is read or kept for a caller who may not write. The other two hand on a
 * wrapped request, so both come before Spring's limit for such filters; the body's size is checked first, so that
 * nothing reads an oversize body.
 */
final class FilterOrder {

    static final int WRITES_NEED_EDITOR = CallerTrustFilter.ORDER + 10;
    static final int REQUEST_BODY_LIMIT = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 20;
    static final int IDEMPOTENCY = REQUEST_BODY_LIMIT + 10;

    private FilterOrder() {
    }
}
