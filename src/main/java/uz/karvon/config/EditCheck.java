package uz.karvon.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Edits of a running configuration that are refused unless asked for by name. A file caught half-written, emptied
 * by accident or cut short by a full disk parses as a valid file with keys missing, and a missing key means its
 * default: no feeds, no tokens (the CMS and admin APIs off), no partners, private feeds public. Such an edit is
 * only applied with {@code POST /api/reload?confirm=WORD} (or by a restart, which loads the file as it is).
 */
public final class EditCheck {
    private EditCheck() {}

    /** What an admin confirms by name; each drastic change needs its own word. */
    public enum Confirm {
        REMOVE_ALL_FEEDS, WEAKEN_SECURITY;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Confirm> byWord(String word) {
            return Arrays.stream(values()).filter(c -> c.word().equals(word.trim().toLowerCase(Locale.ROOT))).findFirst();
        }

        public static String words() {
            return Arrays.stream(values()).map(Confirm::word).collect(Collectors.joining(", "));
        }
    }

    /** One drastic change: what it would do, and the word that applies it anyway. */
    public record Risk(Confirm confirm, String what) {}

    /** The drastic changes from {@code running} to {@code next}, in a stable order; empty for an ordinary edit. */
    public static List<Risk> risks(KarvonConfig running, KarvonConfig next) {
        List<Risk> out = new ArrayList<>();
        if (!running.feeds().isEmpty() && next.feeds().isEmpty()) {
            out.add(new Risk(Confirm.REMOVE_ALL_FEEDS, "it removes every feed (" + running.feeds().size()
                    + " now served, none after)"));
        }
        unset(out, "security.cms_token", running.security().cmsToken(), next.security().cmsToken(), "the CMS API");
        unset(out, "security.admin_token", running.security().adminToken(), next.security().adminToken(), "the admin API");
        if (!running.partners().isEmpty() && next.partners().isEmpty()) {
            out.add(new Risk(Confirm.WEAKEN_SECURITY, "it removes every partner (" + running.partners().stream()
                    .map(KarvonConfig.PartnerSpec::id).collect(Collectors.joining(", ")) + ")"));
        }
        if (!running.websub().allowPrivateCallbacks() && next.websub().allowPrivateCallbacks()) {
            out.add(new Risk(Confirm.WEAKEN_SECURITY, "it lets WebSub callbacks and hubs be on loopback and private"
                    + " addresses (websub.allow_private_callbacks)"));
        }
        for (KarvonConfig.FeedSpec before : running.feeds()) {
            if (before.isPublic()) continue;
            next.feed(before.id()).filter(KarvonConfig.FeedSpec::isPublic).ifPresent(after -> out.add(new Risk(
                    Confirm.WEAKEN_SECURITY, "it makes the private feed '" + before.id() + "' public")));
        }
        return out;
    }

    private static void unset(List<Risk> out, String key, Secret before, Secret after, String api) {
        if (before.isSet() && !after.isSet()) {
            out.add(new Risk(Confirm.WEAKEN_SECURITY, "it leaves " + key + " unset (" + api + " would be switched off)"));
        }
    }

    /** The risks not covered by {@code confirmed}. */
    public static List<Risk> unconfirmed(List<Risk> risks, Set<Confirm> confirmed) {
        return risks.stream().filter(r -> !confirmed.contains(r.confirm())).toList();
    }

    /**
     * One line per refused change, saying how to apply it on purpose: {@code feeds.yml: not applied: it removes every
     * feed (…); if that is what you want, POST /api/reload?confirm=remove-all-feeds (admin token) or restart karvon}.
     */
    public static List<String> messages(String file, List<Risk> risks) {
        List<String> out = new ArrayList<>();
        EnumSet<Confirm> words = EnumSet.noneOf(Confirm.class);
        risks.forEach(r -> words.add(r.confirm()));
        String confirm = words.stream().map(Confirm::word).collect(Collectors.joining(","));
        for (Risk r : risks) {
            out.add(file + ": not applied: " + r.what() + "; if that is what you want, apply it with"
                    + " POST /api/reload?confirm=" + confirm + " (admin token), or restart karvon");
        }
        return out;
    }
}
