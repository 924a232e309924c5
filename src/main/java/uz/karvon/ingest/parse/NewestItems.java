package uz.karvon.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jdom2.Element;
import uz.karvon.ingest.normalize.DateParser;

/** Caps item counts: keeps the newest N (undated items count as "now", like the normaliser treats them). */
final class NewestItems {
    /** The publication date elements, then the modification ones: the date an item ends up published with. */
    private static final String[] DATE_NAMES = Stream.concat(Arrays.stream(RomeFeedReader.PUBLISHED_NAMES),
            Arrays.stream(RomeFeedReader.MODIFIED_NAMES)).toArray(String[]::new);

    private NewestItems() {
    }

    /**
     * Detaches all but the newest {@code max} item elements from the JDOM tree before ROME sees it, so a
     * 100,000-item feed costs one XML parse, not 100,000 conversions. Returns how many were dropped.
     */
    static int pruneElements(List<Element> items, int max, ZoneId zone, Instant now) {
        if (items.size() <= max) return 0;
        List<Integer> order = new ArrayList<>(items.size());
        Instant[] when = new Instant[items.size()];
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
            when[i] = dateOf(items.get(i), zone, now);
        }
        order.sort(Comparator.comparing((Integer i) -> when[i]).reversed().thenComparing(i -> i));
        Set<Integer> keep = new HashSet<>(order.subList(0, max));
        int dropped = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!keep.contains(i)) {
                items.get(i).detach();
                dropped++;
            }
        }
        return dropped;
    }

    private static Instant dateOf(Element item, ZoneId zone, Instant now) {
        for (String n : DATE_NAMES) {
            for (Element c : item.getChildren()) {
                if (c.getName().equals(n)) {
                    Instant i = DateParser.parse(c.getTextTrim(), zone);
                    if (i != null) return i.isAfter(now) ? now : i;
                }
            }
        }
        return now;
    }

    /**
     * First item per id wins (document order); then the newest {@code max} are kept, in document order (undated
     * items count as {@code now}).
     */
    static List<ParsedItem> dedupeAndCap(List<ParsedItem> items, int max, Instant now) {
        Map<String, ParsedItem> byId = new LinkedHashMap<>();
        for (ParsedItem it : items) byId.putIfAbsent(it.id(), it);
        List<ParsedItem> unique = new ArrayList<>(byId.values());
        if (unique.size() <= max) return unique;
        List<ParsedItem> sorted = new ArrayList<>(unique);
        sorted.sort(Comparator.comparing((ParsedItem p) -> p.published() == null ? now : p.published()).reversed());
        Set<ParsedItem> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(sorted.subList(0, max));
        List<ParsedItem> out = new ArrayList<>(max);
        for (ParsedItem it : unique) {
            if (keep.contains(it)) out.add(it);
        }
        return out;
    }
}
