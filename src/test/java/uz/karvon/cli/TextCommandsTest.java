package uz.karvon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code karvon lang} and {@code karvon translit}: standard input to standard output, line by line. */
class TextCommandsTest {
    @Test
    void langPrintsOneTagPerLineAndUndWhenUnsure() {
        Cli.Run r = Cli.runWithInput("Oʻzbekiston Respublikasi Prezidenti yangi farmon imzoladi\nПравительство объявило новые меры поддержки\nOK\n"
                        + "A kormány új lakástámogatási programot jelentett be\n",
                "lang", "--confidence");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        String[] uz = lines.get(0).split("\t");
        assertThat(uz).hasSize(4);
        assertThat(uz[0]).isEqualTo("uz-Latn");
        assertThat(Double.parseDouble(uz[1])).as("confidence").isGreaterThan(0.9);
        assertThat(uz[2]).as("runner-up").isNotEqualTo("uz-Latn").isNotEmpty();
        assertThat(Double.parseDouble(uz[3])).as("margin").isBetween(0.5, 1.0);
        assertThat(lines.get(1)).startsWith("ru\t");
        assertThat(lines.get(2)).as("too short: the script, no evidence").isEqualTo("und-Latn\t0.00\t-\t0.00");
        assertThat(lines.get(3)).as("Hungarian is not a language karvon detects").startsWith("und-Latn\t");

        Cli.Run plain = Cli.runWithInput("Правительство объявило новые меры поддержки\nZxq\n", "lang");
        assertThat(plain.out()).isEqualTo("ru\nund-Latn\n");
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
