package news.storyline.brief.webhook;

/** A registration that cannot be accepted; {@code field} names the part of the request at fault. */
public class WebhookRefusedException extends RuntimeException {

    private final String field;

    WebhookRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
