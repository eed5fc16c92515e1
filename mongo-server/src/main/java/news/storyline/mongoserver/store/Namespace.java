package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.bson.Document;

/**
 * What a command reads or writes: one collection, or (with no collection) anything in its database, as commands
 * such as {@code dropDatabase}, {@code listCollections} or an aggregation that may look into others do.
 *
 * @param collection {@code null} for the whole database
 */
record Namespace(String database, String collection) {

    /** The collection a command names as its value ({@code {find: "stories"}}) or, for getMore, in its body. */
    static Namespace of(String database, String command, Document query) {
        Object named = command.equalsIgnoreCase("getMore") ? query.get("collection") : query.get(command);
        boolean oneCollection = named instanceof String && !command.equalsIgnoreCase("aggregate");
        return new Namespace(database, oneCollection ? (String) named : null);
    }

    boolean isWholeDatabase() {
        return collection == null;
    }

    Namespace wholeDatabase() {
        return new Namespace(database, null);
    }
}
