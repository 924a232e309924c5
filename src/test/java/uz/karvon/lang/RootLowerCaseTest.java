package uz.karvon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootLowerCaseTest {

    @Test
    void everyCharAsTheJdk() {
        for (char c = Character.MIN_VALUE; c < Character.MAX_VALUE; c++) {
            String s = "Ab" + c + "Ё";
            if (!RootLowerCase.of(s).equals(s.toLowerCase(Locale.ROOT))) {
                assertThat(RootLowerCase.of(s)).as("U+%04X", (int) c).isEqualTo(s.toLowerCase(Locale.ROOT));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "OʻZBEKISTON — «Yangi» ‘KUN’…", "ЎЗБЕКИСТОН ҲУКУМАТИ", "ΟΔΟΣ ΣΟΦΙΑ", "İSTANBUL", "ÇAĞ ŞİMDİ",
        "Ǆemal ǅ", "北京 NEWS", "𐐀 DESERET"})
    void sentencesAsTheJdk(String s) {
        assertThat(RootLowerCase.of(s)).isEqualTo(s.toLowerCase(Locale.ROOT));
    }
}
