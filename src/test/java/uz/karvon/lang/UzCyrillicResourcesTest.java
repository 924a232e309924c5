package uz.karvon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The uz-Cyrl profile text and stop words of {@link LanguageDetector} are generated from the
 * uz-Latn ones (transliterating them at start-up cost half a second). Each file must equal what
 * {@link UzbekTransliterator} makes of its source now; when it does not, the test writes the
 * fresh file under target/ to copy over the stale one.
 */
class UzCyrillicResourcesTest {

    private final UzbekTransliterator uz = UzbekTransliterator.standard();

    @Test
    void profileIsTheUzbekLatinProfileTransliterated() throws IOException {
        String latin = UzExceptionDictionary.readAll("/lang/profiles/uz-Latn.txt");
        assertGenerated("lang/profiles/uz-Cyrl.txt", uz.toCyrillic(latin));
    }

    @Test
    void stopWordsAreTheUzbekLatinStopWordsTransliterated() throws IOException {
        String[] latin = UzExceptionDictionary.readLines("/lang/stopwords.tsv").stream()
                .filter(line -> line.startsWith("uz-Latn\t")).findFirst().orElseThrow().split("\t");
        TreeSet<String> cyrillic = new TreeSet<>();
        for (String w : Arrays.asList(latin).subList(1, latin.length)) {
            cyrillic.add(LanguageDetector.prepare(uz.toCyrillic(LanguageDetector.prepare(w.strip()))));
        }
        assertGenerated("lang/stopwords-uz-Cyrl.tsv",
                "# Generated from the uz-Latn line of stopwords.tsv by UzbekTransliterator.toCyrillic;"
                        + " do not edit (UzCyrillicResourcesTest).\n"
                        + "uz-Cyrl\t" + String.join("\t", cyrillic) + "\n");
    }

    private static void assertGenerated(String resource, String expected) throws IOException {
        String actual = UzExceptionDictionary.readAll("/" + resource);
        Path fresh = Path.of("target/generated-lang", resource);
        if (!actual.equals(expected)) {
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, expected);
        }
        assertThat(actual).as("%s is stale: copy %s to src/main/resources/%s", resource, fresh, resource)
                .isEqualTo(expected);
    }
}
