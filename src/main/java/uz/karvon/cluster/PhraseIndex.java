package uz.karvon.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds known phrases (gazetteer forms, month names, magnitude words) in one language group's text,
 * longest first, without overlaps. Latin, Cyrillic and Arabic phrases are matched as sequences of
 * stemmed tokens; Chinese ones as substrings of the prepared, lower-cased text, since Chinese has no spaces.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseIndex<T> {

    /** A phrase found at tokens [start, end) or, for Chinese, at chars [start, end). */
    record Match<T>(int start, int end, T value) {}

    private record Phrase<T>(String[] tokens, String text, T value) {}

    private final Group group;
    private final Map<String, List<Phrase<T>>> byFirst = new HashMap<>();

    PhraseIndex(Group group) {
        this.group = group;
    }

    /**
     * Adds a form (already {@link TextPrep prepared}); returns the value that already holds the same
     * phrase, or {@code null} when it is new or held by the same value. A form without a letter or digit
     * is ignored and reported as the value {@code null} too; callers check {@link #key} first.
     */
    T add(String preparedForm, T value) {
        String key = key(preparedForm);
        if (key == null) {
            return null;
        }
        String first;
        Phrase<T> phrase;
        if (group == Group.ZH) {
            String text = preparedForm.toLowerCase(Locale.ROOT);
            first = text.substring(0, 1);
            phrase = new Phrase<>(null, text, value);
        } else {
            String[] tokens = tokens(preparedForm);
            first = tokens[0];
            phrase = new Phrase<>(tokens, key, value);
        }
        List<Phrase<T>> list = byFirst.computeIfAbsent(first, k -> new ArrayList<>(2));
        for (Phrase<T> p : list) {
            if (p.text().equals(phrase.text())) {
                return p.value().equals(value) ? null : p.value();
            }
        }
        list.add(phrase);
        list.sort(Comparator.comparingInt((Phrase<T> p) -> p.tokens() == null ? p.text().length() : p.tokens().length).reversed());
        return null;
    }

    /** The phrase as this group compares it (stems joined by spaces, or the Chinese text); null if it has no letters. */
    String key(String preparedForm) {
        if (group == Group.ZH) {
            String t = preparedForm.strip();
            return t.isEmpty() ? null : t.toLowerCase(Locale.ROOT);
        }
        String[] tokens = tokens(preparedForm);
        return tokens.length == 0 ? null : String.join(" ", tokens);
    }

    private String[] tokens(String preparedForm) {
        List<Token> list = new ArrayList<>();
        Lexer.tokenize(preparedForm, group, list);
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).text();
        }
        return out;
    }

    /** Phrases in a token sequence, longest first at each position, left to right. */
    List<Match<T>> matchTokens(List<Token> tokens) {
        List<Match<T>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            List<Phrase<T>> candidates = byFirst.get(tokens.get(i).text());
            Phrase<T> hit = null;
            if (candidates != null) {
                for (Phrase<T> p : candidates) {
                    if (matchesAt(tokens, i, p.tokens())) {
                        hit = p;
                        break;
                    }
                }
            }
            if (hit == null) {
                i++;
            } else {
                out.add(new Match<>(i, i + hit.tokens().length, hit.value()));
                i += hit.tokens().length;
            }
        }
        return out;
    }

    /** Phrases in Chinese text (prepared and lower-cased), longest first at each position. */
    List<Match<T>> matchText(String lower) {
        List<Match<T>> out = new ArrayList<>();
        int i = 0;
        while (i < lower.length()) {
            List<Phrase<T>> candidates = byFirst.get(lower.substring(i, i + 1));
            Phrase<T> hit = null;
            if (candidates != null) {
                for (Phrase<T> p : candidates) {
                    if (lower.startsWith(p.text(), i)) {
                        hit = p;
                        break;
                    }
                }
            }
            if (hit == null) {
                i++;
            } else {
                out.add(new Match<>(i, i + hit.text().length(), hit.value()));
                i += hit.text().length();
            }
        }
        return out;
    }

    private static boolean matchesAt(List<Token> tokens, int i, String[] phrase) {
        if (i + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!tokens.get(i + k).text().equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }
}
