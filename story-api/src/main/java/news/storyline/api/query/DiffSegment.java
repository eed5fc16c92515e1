package news.storyline.api.query;

/** A run of text that both versions share, that only the older one had, or that only the newer one has. */
public record DiffSegment(Op op, String text) {

    public enum Op {
        EQUAL,
        INSERT,
        DELETE
    }
}
