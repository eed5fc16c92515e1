package news.storyline.api.query;

import java.util.List;

/** Threads, most recently active first. */
public record ThreadList(List<ThreadSummary> threads) {
}
