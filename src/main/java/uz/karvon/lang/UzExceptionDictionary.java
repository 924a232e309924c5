package uz.karvon.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The exception dictionary {@code lang/uz-exceptions.tsv} plus the suffix list; immutable. */
final class UzExceptionDictionary {

    record Entry(String latin, String cyrillic, boolean stem) {
    }

    /** A dictionary hit: the replacement of the stem and the untouched rest of the word. */
    record Hit(String replacement, String rest) {
    }

    private final Map<String, Entry> toCyr = new HashMap<>();
    private final Map<String, Entry> toLat = new HashMap<>();
    private final List<String> suffixes;

    UzExceptionDictionary(String tsvResource, String suffixResource) {
        for (String line : readLines(tsvResource)) {
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalStateException("lang: " + tsvResource + ": expected 4 columns: " + line);
            }
            Entry e = new Entry(f[0].strip(), f[1].strip(), f[2].strip().equals("stem"));
            String dir = f[3].strip();
            if (!dir.equals("to-lat")) {
                toCyr.put(e.latin(), e);
            }
            if (!dir.equals("to-cyr")) {
                toLat.put(e.cyrillic(), e);
                if (e.cyrillic().endsWith("ь")) {
                    toLat.put(e.cyrillic().substring(0, e.cyrillic().length() - 1), e);
                }
            }
        }
        List<String> sfx = new ArrayList<>(readLines(suffixResource));
        sfx.sort(Comparator.comparingInt(String::length).reversed());
        suffixes = List.copyOf(sfx);
    }

    /** Looks up a lower-case Latin word; the rest (if any) is a Latin suffix chain. */
    Hit lookupLatin(String lower) {
        return lookup(lower, toCyr, true, UnaryOperator.identity());
    }

    /** Looks up a lower-case Cyrillic word; {@code toLatin} converts the rest for the suffix check. */
    Hit lookupCyrillic(String lower, UnaryOperator<String> toLatin) {
        return lookup(lower, toLat, false, toLatin);
    }

    private Hit lookup(String word, Map<String, Entry> map, boolean toCyrillic, UnaryOperator<String> restToLatin) {
        for (int end = word.length(); end >= 2; end--) {
            Entry e = map.get(word.substring(0, end));
            if (e == null) {
                continue;
            }
            String rest = word.substring(end);
            if (!rest.isEmpty() && (!e.stem() || !isSuffixChain(restToLatin.apply(rest)))) {
                continue;
            }
            String target = toCyrillic ? e.cyrillic() : e.latin();
            if (toCyrillic && !rest.isEmpty() && target.endsWith("ь")) {
                target = target.substring(0, target.length() - 1);
            }
            return new Hit(target, rest);
        }
        return null;
    }

    boolean isSuffixChain(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (String sfx : suffixes) {
            if (s.startsWith(sfx) && isSuffixChain(s.substring(sfx.length()))) {
                return true;
            }
        }
        return false;
    }

    static List<String> readLines(String resource) {
        InputStream in = UzExceptionDictionary.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lang: missing resource " + resource);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lang: cannot read " + resource, e);
        }
        return lines;
    }

    static String readAll(String resource) {
        InputStream in = UzExceptionDictionary.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lang: missing resource " + resource);
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("lang: cannot read " + resource, e);
        }
    }
}
