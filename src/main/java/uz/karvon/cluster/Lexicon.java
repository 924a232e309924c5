package uz.karvon.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import uz.karvon.lang.LangTags;

/**
 * A small word table shipped as a resource ({@code cluster/months.txt}, {@code cluster/magnitudes.txt}):
 * lines of {@code KEY LANG form; form}, each form found in its own language only.
 *
 * @param <V> the value a key stands for (a month number, a factor)
 */
final class Lexicon<V> {

    private final Map<Group, PhraseIndex<V>> indexes = new EnumMap<>(Group.class);

    private Lexicon() {
        for (Group g : Group.values()) {
            indexes.put(g, new PhraseIndex<>(g));
        }
    }

    static <V> Lexicon<V> load(String resource, Function<String, V> key) {
        Lexicon<V> lexicon = new Lexicon<>();
        InputStream in = Lexicon.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("cluster: missing resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 3);
                String tag = parts.length == 3 ? LangTags.normalize(parts[1]) : null;
                if (tag == null) {
                    throw new IllegalStateException("cluster: " + resource + ":" + n + ": expected KEY LANG form; form");
                }
                V value = key.apply(parts[0]);
                for (String form : parts[2].split(";")) {
                    Group g = Group.of(tag, form);
                    lexicon.indexes.get(g).add(TextPrep.prepare(form.strip(), g), value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lexicon;
    }

    PhraseIndex<V> index(Group g) {
        return indexes.get(g);
    }
}
