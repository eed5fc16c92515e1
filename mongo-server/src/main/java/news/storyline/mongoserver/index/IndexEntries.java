package news.storyline.mongoserver.index;

import org.h2.mvstore.type.DataType;

import java.util.Optional;

/** Names an index map's key type for the store's journal ("index:" and each key's direction), and back. */
public final class IndexEntries {

    private static final String PREFIX = "index:";

    private IndexEntries() {
    }

    public static Optional<String> describe(DataType<?> type) {
        if (!(type instanceof IndexEntryType entries)) {
            return Optional.empty();
        }
        StringBuilder directions = new StringBuilder(PREFIX);
        for (boolean descending : entries.descending()) {
            directions.append(descending ? '-' : '+');
        }
        return Optional.of(directions.toString());
    }

    public static Optional<DataType<?>> type(String description) {
        if (!description.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String directions = description.substring(PREFIX.length());
        boolean[] descending = new boolean[directions.length()];
        for (int key = 0; key < descending.length; key++) {
            descending[key] = directions.charAt(key) == '-';
        }
        return Optional.of(new IndexEntryType(descending));
    }
}
