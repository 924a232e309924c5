package uz.karvon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LetterScriptsTest {

    @Test
    void answersAsTheJdkForEveryCodePoint() {
        for (int cp = Character.MIN_CODE_POINT; cp <= Character.MAX_CODE_POINT; cp++) {
            Character.UnicodeScript expected = Character.isLetter(cp) ? Character.UnicodeScript.of(cp) : null;
            if (LetterScripts.of(cp) != expected) {
                assertThat(LetterScripts.of(cp)).as("U+%04X", cp).isEqualTo(expected);
            }
        }
    }
}
