package news.storyline.mongoserver.index;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a query filter says about the values of each field, as far as an index can use it: equality, {@code $in},
 * {@code $gt}/{@code $gte}/{@code $lt}/{@code $lte}, {@code $all}, an anchored {@code $regex} (its literal prefix),
 * conjunctions ({@code $and}, several operators on one field), an {@code $or} whose branches all constrain one
 * and the same field, and the fields an {@code $elemMatch} names (as paths into the array).
 *
 * <p>Everything else (null, arrays and documents as values, {@code $ne}, {@code $elemMatch}, ...)
 * constrains nothing here: the bounds only ever need to hold every matching document, because each document
 * found through an index is matched against the whole filter again.
 *
 * <p>Each field keeps its constraints as separate conjuncts: on a multikey field MongoDB may not intersect them
 * ({@code {a: {$gt: 5, $lt: 10}}} matches {@code a: [1, 20]}), so an index over arrays uses one of them only.
 */
public final class QueryConstraints {

    private final Map<String, List<IntervalSet>> conjunctsByField = new LinkedHashMap<>();

    private QueryConstraints() {
    }

    public static QueryConstraints of(Document filter) {
        QueryConstraints constraints = new QueryConstraints();
        constraints.addFilter(filter);
        return constraints;
    }

    /**
     * The values allowed for a field, or nothing when the filter does not constrain it.
     *
     * @param intersect whether all conjuncts may be intersected (not when the field holds arrays)
     */
    Optional<IntervalSet> allowed(String field, boolean intersect) {
        List<IntervalSet> conjuncts = conjunctsByField.get(field);
        if (conjuncts == null) {
            return Optional.empty();
        }
        if (!intersect) {
            return Optional.of(conjuncts.get(0));
        }
        return conjuncts.stream().reduce(IntervalSet::intersect);
    }

    private void addFilter(Document filter) {
        addFilter(filter, "");
    }

    /** @param prefix the path of the array whose elements an {@code $elemMatch} constrains, with a dot; or nothing */
    private void addFilter(Document filter, String prefix) {
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("$and") && value instanceof Collection<?> clauses) {
                clauses.stream().filter(Document.class::isInstance).map(Document.class::cast)
                       .forEach(clause -> addFilter(clause, prefix));
            } else if (key.equals("$or") && value instanceof Collection<?> branches) {
                addOneFieldUnion(branches, prefix);
            } else if (!key.startsWith("$")) {
                String field = prefix + key;
                if (value instanceof Document operators && operators.get("$elemMatch") instanceof Document element
                        && element.keySet().stream().anyMatch(inner -> !inner.startsWith("$") || inner.equals("$and"))) {
                    // Some element has these fields: each is a constraint on field.inner (a multikey path).
                    addFilter(element, field + ".");
                } else if (value instanceof Document operators && operators.get("$elemMatch") instanceof Document element) {
                    conjunctsOf(element).forEach(set -> add(field, set)); // some element is in these ranges
                }
                conjunctsOf(value).forEach(set -> add(field, set));
            }
        }
    }

    private void add(String field, IntervalSet set) {
        conjunctsByField.computeIfAbsent(field, f -> new ArrayList<>()).add(set);
    }

    /** {@code $or: [{f: ...}, {f: ...}]}: the union of what each branch allows for f, if every branch names f only. */
    private void addOneFieldUnion(Collection<?> branches, String prefix) {
        String field = null;
        IntervalSet union = null;
        for (Object branch : branches) {
            if (!(branch instanceof Document clause) || clause.size() != 1) {
                return;
            }
            Map.Entry<String, Object> only = clause.entrySet().iterator().next();
            List<IntervalSet> conjuncts = conjunctsOf(only.getValue());
            if (only.getKey().startsWith("$") || (field != null && !field.equals(only.getKey())) || conjuncts.isEmpty()) {
                return;
            }
            field = only.getKey();
            // Each branch's first conjunct holds every value that branch matches.
            union = union == null ? conjuncts.get(0) : union.union(conjuncts.get(0));
        }
        if (field != null) {
            add(prefix + field, union);
        }
    }

    private static List<IntervalSet> conjunctsOf(Object value) {
        if (value instanceof Document operators && isOperatorDocument(operators)) {
            List<IntervalSet> conjuncts = new ArrayList<>();
            operators.forEach((operator, operand) -> {
                if (operator.equals("$all") && operand instanceof Collection<?> values) {
                    // Every value must be there: each one is a constraint of its own.
                    values.stream().filter(QueryConstraints::isIndexable)
                          .forEach(v -> conjuncts.add(IntervalSet.of(Interval.point(normalized(v)))));
                } else if (operator.equals("$regex")) {
                    regexInterval(operand, operators.get("$options")).ifPresent(conjuncts::add);
                } else {
                    operatorInterval(operator, operand).ifPresent(conjuncts::add);
                }
            });
            return conjuncts;
        }
        if (value instanceof BsonRegularExpression regex) {
            return regexInterval(regex, null).stream().toList();
        }
        return isIndexable(value) ? List.of(IntervalSet.of(Interval.point(normalized(value)))) : List.of();
    }

    /** {@code {$regex: "^…", $options: …}} or a regular expression value: its literal prefix, if anchored. */
    private static Optional<IntervalSet> regexInterval(Object regex, Object separateOptions) {
        String pattern;
        String options;
        if (regex instanceof BsonRegularExpression expression) {
            pattern = expression.getPattern();
            options = expression.getOptions() == null ? "" : expression.getOptions();
        } else if (regex instanceof String text) {
            pattern = text;
            options = "";
        } else {
            return Optional.empty();
        }
        if (separateOptions instanceof String more) {
            options += more;
        }
        return RegexPrefix.interval(pattern, options).map(IntervalSet::of);
    }

    private static boolean isOperatorDocument(Document document) {
        return !document.isEmpty() && document.keySet().stream().allMatch(key -> key.startsWith("$"));
    }

    private static Optional<IntervalSet> operatorInterval(String operator, Object operand) {
        if (operator.equals("$in")) {
            return inInterval(operand);
        }
        if (!isIndexable(operand)) {
            return Optional.empty();
        }
        Object value = normalized(operand);
        return switch (operator) {
            case "$eq" -> Optional.of(IntervalSet.of(Interval.point(value)));
            case "$gt" -> Optional.of(IntervalSet.of(Interval.above(value, false)));
            case "$gte" -> Optional.of(IntervalSet.of(Interval.above(value, true)));
            case "$lt" -> Optional.of(IntervalSet.of(Interval.below(value, false)));
            case "$lte" -> Optional.of(IntervalSet.of(Interval.below(value, true)));
            default -> Optional.empty();
        };
    }

    private static Optional<IntervalSet> inInterval(Object operand) {
        if (!(operand instanceof Collection<?> values) || !values.stream().allMatch(QueryConstraints::isIndexable)) {
            return Optional.empty();
        }
        return Optional.of(new IntervalSet(values.stream().map(v -> Interval.point(normalized(v))).toList()));
    }

    /** A value an index key can be compared with as the matcher would: a scalar, not null, not a pattern. */
    private static boolean isIndexable(Object value) {
        return !Missing.isNullOrMissing(value)
                && !(value instanceof Collection) && !(value instanceof Map)
                && !(value instanceof BsonRegularExpression) && !(value instanceof Pattern);
    }

    private static Object normalized(Object value) {
        return IndexKeys.normalized(value);
    }
}
