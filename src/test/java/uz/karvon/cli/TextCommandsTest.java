package uz.karvon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code karvon lang} and {@code karvon translit}: standard input to standard output, line by line. */
class TextCommandsTest {
    @Test
    void langPrintsOneTagPerLineAndUndWhenUnsure() {
        Cli.Run r = Cli.runWithInput("Oʻzbekiston Respublikasi Prezidenti yangi farmon imzoladi\nПравительство объявило новые меры поддержки\nOK\n",
                "lang", "--confidence");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.out().lines().toList().get(0)).startsWith("uz-Latn\t");
        assertThat(r.out().lines().toList().get(1)).startsWith("ru\t");
        assertThat(r.out().lines().toList().get(2)).isEqualTo("und\t0.00");
    }

    @Test
    void translitConvertsTextButNeverMarkupWithHtml() {
        Cli.Run plain = Cli.runWithInput("Oʻzbekiston gʻalaba qozondi\n", "translit", "--to", "uz-Cyrl");
        assertThat(plain.out()).isEqualTo("Ўзбекистон ғалаба қозонди\n");

        Cli.Run html = Cli.runWithInput("<a href=\"https://kun.uz/uz\" title=\"Yangilik\">Yangilik</a>\n", "translit", "--to", "uz-cyrl", "--html");
        assertThat(html.out()).isEqualTo("<a href=\"https://kun.uz/uz\" title=\"Yangilik\">Янгилик</a>\n");

        Cli.Run back = Cli.runWithInput("Ўзбекистон ғалаба қозонди\n", "translit", "--to", "uz-Latn");
        assertThat(back.out()).isEqualTo("Oʻzbekiston gʻalaba qozondi\n");

        Cli.Run bad = Cli.runWithInput("", "translit", "--to", "ru");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("Invalid value for option '--to': expected uz-Cyrl or uz-Latn, got 'ru'");
    }
}
