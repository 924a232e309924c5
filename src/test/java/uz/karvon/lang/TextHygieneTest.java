package uz.karvon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextHygieneTest {

    @Test
    void cleanRemovesInvisiblesAndControlsButKeepsTypography() {
        String in = "Sa\u200Blom\u0001 \uFEFFdu\u2060nyo\u0085!\tA\u00A0B\u202FC «Ҳа» „Ja“ — 「是」\r\nx\ry";
        assertThat(TextHygiene.clean(in)).isEqualTo("Salom dunyo!\tA\u00A0B\u202FC «Ҳа» „Ja“ — 「是」\nx\ny");
    }

    @Test
    void cleanComposesToNfc() {
        assertThat(TextHygiene.clean("e\u0301 \u0438\u0306")).isEqualTo("\u00E9 \u0439");
        assertThat(TextHygiene.clean(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "O'zbekiston|Oʻzbekiston", "O‘zbekiston|Oʻzbekiston", "O’zbekiston|Oʻzbekiston", "O`zbekiston|Oʻzbekiston",
        "Oʼzbekiston|Oʻzbekiston", "Oʻzbekiston|Oʻzbekiston", "g'alaba|gʻalaba", "G‘ALABA|GʻALABA",
        "ma'lumot|maʼlumot", "ta’lim|taʼlim", "she`r|sheʼr", "mo‘’jiza|moʻʼjiza", "Is'hoq|Isʼhoq",
        "'salom'|'salom'", "‘Toshkent’|‘Toshkent’", "bog'|bogʻ", "Bu tog’.|Bu togʻ.", "'Toshkentning'|'Toshkentning'", "to'g'ri|toʻgʻri"
    })
    void uzbekApostrophes(String in, String out) {
        assertThat(TextHygiene.normalizeUzbekApostrophes(in)).isEqualTo(out);
    }

    @Test
    void urlsAndEmailAddressesKeepTheirApostrophes() {
        assertThat(TextHygiene.normalizeUzbekApostrophes("O'zbekiston https://kun.uz/o'zbek www.o'z.uz g'ani@o'z.uz"))
                .isEqualTo("Oʻzbekiston https://kun.uz/o'zbek www.o'z.uz g'ani@o'z.uz");
    }

    @Test
    void inHtmlOnlyTextOutsideCodeChanges() {
        String html = "<p title=\"O'z\">Ta'lim <a href=\"https://kun.uz/o'z\">bog'lanish</a> <code>it's</code>"
                + " <pre>don't <b>can't</b></pre> ma&#39;lumot &rsquo; g&rsquo;alaba</p><br/>O'zbek";
        assertThat(TextHygiene.normalizeUzbekApostrophesInHtml(html)).isEqualTo(
                "<p title=\"O'z\">Taʼlim <a href=\"https://kun.uz/o'z\">bogʻlanish</a> <code>it's</code>"
                        + " <pre>don't <b>can't</b></pre> maʼlumot \u2019 gʻalaba</p><br/>Oʻzbek");
        assertThat(TextHygiene.normalizeUzbekApostrophesInHtml("<p>no apostrophes</p>")).isEqualTo("<p>no apostrophes</p>");
        assertThat(TextHygiene.normalizeUzbekApostrophesInHtml(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"uz|true", "uz-Latn|true", "uz-UZ|true", "uz-Cyrl|false", "uz-Arab|false",
        "en|false", "uzb|false", "'' |false"})
    void uzbekLatinIsTheOnlyLanguageConcerned(String tag, boolean expected) {
        assertThat(TextHygiene.isUzbekLatin(tag.isBlank() ? null : tag)).isEqualTo(expected);
    }
}
