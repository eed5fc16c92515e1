package news.storyline.story.command;

import org.junit.jupiter.api.Test;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlugsTest {

    @Test
    void transliteratesBulgarianInTheStreamlinedSystem() {
        assertThat(Slugs.fromTitle("Мирните преговори за Украйна")).isEqualTo("mirnite-pregovori-za-ukrayna");
        assertThat(Slugs.fromTitle("Щъркелите се връщат в Жълтеница")).isEqualTo("shtarkelite-se-vrashtat-v-zhaltenitsa");
        assertThat(Slugs.fromTitle("Хасково: Юношеският отбор чака ЧЕ")).isEqualTo("haskovo-yunosheskiyat-otbor-chaka-che");
    }

    @Test
    void writesIaForIyaEndingAWordAsTheSystemPrescribes() {
        assertThat(Slugs.fromTitle("България и Русия")).isEqualTo("balgaria-i-rusia");
        assertThat(Slugs.fromTitle("Ядрената енергия днес")).isEqualTo("yadrenata-energia-dnes");
        assertThat(Slugs.fromTitle("Лиянската фамилия")).isEqualTo("liyanskata-familia");
    }

    @Test
    void transliteratesTheRussianLettersBulgarianLacks() {
        assertThat(Slugs.fromTitle("Выборы в Эстонии, ёлка")).isEqualTo("vybory-v-estonii-yolka");
    }

    @Test
    void readsAYTypedAsAnIWithABreve() {
        assertThat(Slugs.fromTitle("Украи\u0306на")).isEqualTo("ukrayna");
    }

    @Test
    void keepsLatinTitlesAndDropsTheirAccentsAndApostrophes() {
        assertThat(Slugs.fromTitle("Ukraine peace talks")).isEqualTo("ukraine-peace-talks");
        assertThat(Slugs.fromTitle("Iran's new supreme leader")).isEqualTo("irans-new-supreme-leader");
        assertThat(Slugs.fromTitle("Iran’s new supreme leader")).isEqualTo("irans-new-supreme-leader");
        assertThat(Slugs.fromTitle("Café Zürich — São Paulo")).isEqualTo("cafe-zurich-sao-paulo");
    }

    @Test
    void makesEveryOtherRunOfCharactersOneDash() {
        assertThat(Slugs.fromTitle("  „Г-20“ в Рим: 2025 ... (на живо)! ")).isEqualTo("g-20-v-rim-2025-na-zhivo");
    }

    @Test
    void cutsALongTitleAfterTheLastWholeWordThatFits() {
        String slug = Slugs.fromTitle("преговори ".repeat(10));

        assertThat(slug).hasSizeLessThanOrEqualTo(ThreadRules.MAX_SLUG_LENGTH)
                        .isEqualTo(String.join("-", Collections.nCopies(8, "pregovori")));
    }

    @Test
    void cutsASingleOverlongWordWhereItMust() {
        assertThat(Slugs.fromTitle("я".repeat(50))).isEqualTo("ya".repeat(40));
    }

    @Test
    void makesSlugsThatKeepTheThreadRules() {
        ThreadRules.requireSlug(Slugs.fromTitle("Iran's new supreme leader, Хаменей — „Иран“ 2026!"));
        ThreadRules.requireSlug(Slugs.fromTitle("дълго заглавие ".repeat(20)));
    }

    @Test
    void refusesATitleWithNothingToMakeASlugOf() {
        assertThatThrownBy(() -> Slugs.fromTitle("?!… —"))
                .isInstanceOfSatisfying(InvalidStoryException.class,
                                        invalid -> assertThat(invalid.field()).isEqualTo("slug"));
    }
}
