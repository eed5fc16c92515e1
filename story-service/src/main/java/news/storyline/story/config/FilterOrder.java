package news.storyline.story.config;

import org.springframework.boot.web.servlet.filter.OrderedFilter;

/**
 * Where story-service's own filters stand among the servlet filters. Both hand on a wrapped request, so both come
 * before Spring's limit for such filters; the body's size is checked first, so that nothing reads an oversize body.
 */
final class FilterOrder {

    static final int REQUEST_BODY_LIMIT = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 20;
    static final int IDEMPOTENCY = REQUEST_BODY_LIMIT + 10;

    private FilterOrder() {
    }
}
