package news.storyline.mongoserver.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An {@code $or} of a filter, at its top or in its top {@code $and}, and what the filter becomes in each of its
 * branches: the rest of the filter and that branch. A document matches the filter only if it matches one of them.
 */
record Disjunction(List<Document> branchQueries) {

    private static final String OR = "$or";
    private static final String AND = "$and";

    static Optional<Disjunction> in(Document filter) {
        if (filter.get(OR) instanceof Collection<?> branches) {
            Document rest = new Document(filter);
            rest.remove(OR);
            return Optional.of(of(rest, branches));
        }
        if (filter.get(AND) instanceof List<?> clauses) {
            for (int i = 0; i < clauses.size(); i++) {
                if (clauses.get(i) instanceof Document clause && clause.size() == 1
                        && clause.get(OR) instanceof Collection<?> branches) {
                    List<Object> others = new ArrayList<>(clauses);
                    others.remove(i);
                    Document rest = new Document(filter);
                    rest.put(AND, others);
                    return Optional.of(of(rest, branches));
                }
            }
        }
        return Optional.empty();
    }

    private static Disjunction of(Document rest, Collection<?> branches) {
        List<Document> queries = new ArrayList<>();
        for (Object branch : branches) {
            if (!(branch instanceof Document clause)) {
                return new Disjunction(List.of()); // not a filter MongoDB would accept: no plan from it
            }
            queries.add(new Document(AND, List.of(rest, clause)));
        }
        return new Disjunction(queries);
    }
}
