package news.storyline.brief.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TeasersTest {

    private final Teasers teasers = new Teasers(new Teasers.Settings(20, 200));

    /** The six teasers of the seed page, each followed on the page by "...". */
    @ParameterizedTest
    @ValueSource(strings = {
            "Камбоджанският министър на труда и професионалното обучение Хенг Сур се срещна с Йохен Шмитман, постоянният представител на Международния валутен фонд",
            "Всички страни имат интерес от продължаване на мирните преговори между Русия и Украйна, с посредничеството на САЩ, но все още",
            "Повече от една четвърт от мюсюлманите в Германия заявяват, че са станали обект на дискриминация през последната една година, сочи",
            "Повече от 667 000 са регистрирани като вътрешно разселени в Ливан - увеличение със 100 хиляди души само за един",
            "Иракският президент Абдел Латиф Рашид поздрави Моджтаба Хаменей за назначаването му на поста нов върховен лидер на Иран, предадоха ИРНА",
            "С избирането на Моджтаба Хаменей на поста върховен лидер на Иран иранските ултраконсерватори отправят предизвикателство към САЩ и Израел, като"
    })
    void cutsTheSeedLeadsExactlyWhereThePageDoes(String shown) {
        String lead = shown + " продължение на изречението, което страницата не показва.";

        assertThat(teasers.of(lead)).isEqualTo(shown + "...");
    }

    @Test
    void keepsAShortLeadWholeWithoutAnEllipsis() {
        String lead = "Кремъл заяви, че мирните преговори трябва да продължат.";

        assertThat(teasers.of(lead)).isEqualTo(lead);
    }

    @Test
    void keepsALeadOfExactlyTheWordLimitWhole() {
        String twentyWords = "едно две три четири пет шест седем осем девет десет "
                + "единадесет дванадесет тринадесет четиринадесет петнадесет шестнадесет седемнадесет осемнадесет "
                + "деветнадесет двадесет";

        assertThat(teasers.of(twentyWords)).isEqualTo(twentyWords);
    }

    @Test
    void cutsBetweenWordsWithinTheCharacterLimit() {
        Teasers short60 = new Teasers(new Teasers.Settings(20, 60));
        String lead = "Севернокорейският лидер Ким Чен-ун обеща на Москва „безусловна подкрепа“ по отношение на войната";

        String teaser = short60.of(lead);

        assertThat(teaser).isEqualTo("Севернокорейският лидер Ким Чен-ун обеща на Москва...");
        assertThat(teaser.length()).isLessThanOrEqualTo(63);
    }

    @Test
    void dropsACommaLeftBeforeTheEllipsis() {
        Teasers threeWords = new Teasers(new Teasers.Settings(3, 200));

        assertThat(threeWords.of("Ким, Шойгу, Путин и други")).isEqualTo("Ким, Шойгу, Путин...");
        assertThat(threeWords.of("САЩ и Израел, като се")).isEqualTo("САЩ и Израел...");
    }

    @Test
    void cutsAWordLongerThanTheLimitBetweenCharacters() {
        Teasers tiny = new Teasers(new Teasers.Settings(20, 5));

        assertThat(tiny.of("Дълговечност")).isEqualTo("Дълго...");
    }
}
