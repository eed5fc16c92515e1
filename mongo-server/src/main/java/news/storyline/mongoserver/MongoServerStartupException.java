package news.storyline.mongoserver;

/** The server could not start; the message says why in words meant for the person starting it. */
public class MongoServerStartupException extends RuntimeException {

    public MongoServerStartupException(String message) {
        super(message);
    }

    public MongoServerStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
