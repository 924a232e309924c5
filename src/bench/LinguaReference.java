import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labelled set (tag TAB kind TAB text) through Lingua 1.2.2 (Apache 2.0, pure JVM, 75 languages, high
 * accuracy mode), the published model that runs offline here: per expected tag, right / unknown / wrong.
 * Lingua has one Chinese (counted right for zh-Hans and zh-Hant) and no uz, kaa, ky, tg, tk, tt, ba, ps, ug.
 * Run by lang-reference.sh.
 */
public class LinguaReference {
    public static void main(String[] args) throws Exception {
        LanguageDetector lingua = LanguageDetectorBuilder.fromAllLanguages().withPreloadedLanguageModels().build();
        Map<String, int[]> byTag = new TreeMap<>();
        Map<String, Map<String, Integer>> answers = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", 3);
            Language l = lingua.detectLanguageOf(f[2]);
            String answer = l == Language.UNKNOWN ? "und" : l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
            String expected = f[0].startsWith("zh") ? "zh" : f[0].replaceAll("-.*", "");
            int[] c = byTag.computeIfAbsent(f[0], k -> new int[3]);
            c[answer.equals(expected) ? 0 : answer.equals("und") ? 1 : 2]++;
            answers.computeIfAbsent(f[0], k -> new TreeMap<>()).merge(answer, 1, Integer::sum);
        }
        System.out.println("| expected | right | und | wrong | most frequent answers |");
        System.out.println("|---|---:|---:|---:|---|");
        int[] all = new int[3];
        byTag.forEach((tag, c) -> {
            StringBuilder top = new StringBuilder();
            answers.get(tag).entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3)
                    .forEach(e -> top.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", tag, c[0], c[1], c[2],
                    top.substring(0, top.length() - 2));
            for (int i = 0; i < 3; i++) all[i] += c[i];
        });
        System.out.printf(Locale.ROOT, "| **all** | %d | %d | %d | |%n", all[0], all[1], all[2]);
    }
}
