package uz.karvon.config;

import java.util.List;
import java.util.regex.Pattern;

/** The {@code keep} / {@code block} rule of feeds and sources, in one place: regular expressions on title, summary and tags. */
public final class KeepBlock {
    private KeepBlock() {
    }

    /** True when some keep pattern (or none is set) and no block pattern finds a match. */
    public static boolean passes(List<Pattern> keep, List<Pattern> block, String title, String summary, List<String> tags) {
        String text = title + "\n" + (summary == null ? "" : summary) + "\n" + String.join(" ", tags);
        if (!keep.isEmpty() && keep.stream().noneMatch(p -> p.matcher(text).find())) return false;
        return block.stream().noneMatch(p -> p.matcher(text).find());
    }
}
