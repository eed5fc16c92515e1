package news.storyline.api.query;

/**
 * A query asked for something that cannot be answered as asked: a cursor this service did not hand out, a range
 * the other way round. The web layer answers it as a bad request naming the field.
 */
public class QueryRefusedException extends RuntimeException {

    private final String field;

    public QueryRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
