package news.storyline.api.source;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which source an attribution names, however it was written: "Франс прес", "АФП", "AFP" and "Agence
 * France-Presse" are one source. Names are compared without regard to case, spacing, dots, dashes or the kind
 * of quotation marks; a name the registry does not know resolves to nothing and is kept as written.
 */
public final class SourceRegistry {

    private static final List<Source> AGENCIES = List.of(
            new Source("kcna", "Korean Central News Agency", List.of("КЦТА", "KCNA", "Korean Central News Agency",
                                                                      "Централна телеграфна агенция на Корея")),
            new Source("afp", "Agence France-Presse", List.of("Франс прес", "АФП", "AFP", "Agence France-Presse",
                                                               "Франс Прес")),
            new Source("irna", "Islamic Republic News Agency", List.of("ИРНА", "IRNA",
                                                                        "Islamic Republic News Agency")),
            new Source("akp", "Agence Kampuchea Presse", List.of("АКП", "AKP", "Agence Kampuchea Presse")),
            new Source("bta", "Bulgarian News Agency", List.of("БТА", "BTA", "Българска телеграфна агенция",
                                                                "Bulgarian News Agency")),
            new Source("reuters", "Reuters", List.of("Ройтерс", "Reuters")),
            new Source("ap", "Associated Press", List.of("Асошиейтед прес", "АП", "AP", "Associated Press")),
            new Source("tass", "TASS", List.of("ТАСС", "TASS")));

    private final Map<String, Source> byId;
    private final Map<String, Source> byAlias;

    private SourceRegistry(Collection<Source> sources) {
        Map<String, Source> ids = new HashMap<>();
        Map<String, Source> aliases = new HashMap<>();
        for (Source source : sources) {
            ids.put(source.id(), source);
            aliases.put(normalize(source.id()), source);
            aliases.put(normalize(source.name()), source);
            source.aliases().forEach(alias -> aliases.put(normalize(alias), source));
        }
        this.byId = Map.copyOf(ids);
        this.byAlias = Map.copyOf(aliases);
    }

    /** The agencies every newsroom quotes, known out of the box. */
    public static SourceRegistry agencies() {
        return new SourceRegistry(AGENCIES);
    }

    /** The known agencies and more; a configured source with a known id adds to or replaces that source. */
    public static SourceRegistry agenciesAnd(Collection<Source> more) {
        Map<String, Source> merged = new HashMap<>();
        AGENCIES.forEach(source -> merged.put(source.id(), source));
        for (Source source : more) {
            Source known = merged.get(source.id());
            if (known == null) {
                merged.put(source.id(), source);
            } else {
                List<String> aliases = new ArrayList<>(known.aliases());
                aliases.addAll(source.aliases());
                merged.put(source.id(), new Source(source.id(), source.name(), aliases));
            }
        }
        return new SourceRegistry(merged.values());
    }

    /** The source a name written any known way stands for. */
    public Optional<Source> resolve(String written) {
        return written == null ? Optional.empty() : Optional.ofNullable(byAlias.get(normalize(written)));
    }

    public Optional<Source> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** How names are compared: "А.Ф.П.", "афп" and " АФП " are the same name. */
    public static String normalize(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                         .toLowerCase(Locale.ROOT)
                         .replaceAll("[.\"'„“”«»‘’]", "")
                         .replaceAll("[\\p{Pd}\\s]+", " ")
                         .strip();
    }
}
