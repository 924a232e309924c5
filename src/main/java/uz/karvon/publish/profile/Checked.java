package uz.karvon.publish.profile;

import java.time.Instant;
import java.util.List;
import uz.karvon.publish.render.Entry;

/**
 * The entries a profile keeps (in feed order, possibly rewritten: Dzen's allowed markup), the ones it left out,
 * and the next instant at which the answer changes by itself (an item ageing out), or null.
 */
public record Checked(List<Entry> kept, List<Exclusion> excluded, Instant changesAt) {
    public Checked {
        kept = List.copyOf(kept);
        excluded = List.copyOf(excluded);
    }
}
