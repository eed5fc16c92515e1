package news.storyline.api.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceRegistryTest {

    private final SourceRegistry registry = SourceRegistry.agencies();

    @ParameterizedTest
    @CsvSource({
            "КЦТА, kcna", "KCNA, kcna",
            "Франс прес, afp", "АФП, afp", "AFP, afp", "Agence France-Presse, afp", "agence france presse, afp",
            "франс прес, afp", "' А.Ф.П. ', afp", "„Франс прес“, afp",
            "ИРНА, irna", "IRNA, irna", "АКП, akp", "AKP, akp", "БТА, bta", "BTA, bta"
    })
    void namesOneSourceHoweverItIsWritten(String written, String id) {
        assertThat(registry.resolve(written)).hasValueSatisfying(source -> assertThat(source.id()).isEqualTo(id));
    }

    @Test
    void knowsNothingOfAnUnknownSource() {
        assertThat(registry.resolve("Вестник Родина")).isEmpty();
        assertThat(registry.resolve("  ")).isEmpty();
        assertThat(registry.resolve(null)).isEmpty();
    }

    @Test
    void takesMoreSourcesAndAliasesFromConfiguration() {
        SourceRegistry configured = SourceRegistry.agenciesAnd(List.of(
                new Source("yonhap", "Yonhap", List.of("Йонхап", "Yonhap")),
                new Source("afp", "Agence France-Presse", List.of("Франспрес"))));

        assertThat(configured.resolve("Йонхап").map(Source::id)).contains("yonhap");
        assertThat(configured.resolve("Франспрес").map(Source::id)).contains("afp");
        assertThat(configured.resolve("АФП").map(Source::id)).contains("afp");
    }
}
