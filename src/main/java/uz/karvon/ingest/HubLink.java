package uz.karvon.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uz.karvon.ingest.parse.ParsedFeed;

/**
 * Where a source's feed can be pushed from: the WebSub hub it advertises and the topic to subscribe to (its
 * {@code rel="self"}). Discovery follows WebSub §4 in its order: HTTP {@code Link} headers first, and only in their
 * absence the links inside the feed (Atom/RSS {@code atom:link}, JSON Feed {@code hubs}). The first hub is used.
 */
public record HubLink(URI hub, URI topic) {

    /** The hub and topic a fetched feed advertises, or null when it names no usable hub. */
    public static HubLink discover(List<String> linkHeaders, ParsedFeed feed, URI fetchedUrl) {
        URI hub = null;
        URI self = null;
        for (Link l : parse(linkHeaders)) {
            URI u = resolve(fetchedUrl, l.target());
            if (u == null) continue;
            if (hub == null && l.rels().contains("hub")) hub = u;
            if (self == null && l.rels().contains("self")) self = u;
        }
        if (hub == null && feed != null) {
            for (String h : feed.hubs()) {
                hub = resolve(fetchedUrl, h);
                if (hub != null) break;
            }
            if (hub != null && feed.feedUrl() != null) self = resolve(fetchedUrl, feed.feedUrl());
        }
        if (hub == null) return null;
        return new HubLink(hub, self != null ? self : fetchedUrl);
    }

    private static URI resolve(URI base, String ref) {
        try {
            URI u = base == null ? new URI(ref.trim()) : base.resolve(new URI(ref.trim()));
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) return null;
            return u;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** One link of a {@code Link} header: its target and its relation types, lower-cased. */
    record Link(String target, List<String> rels) {}

    /**
     * Parses {@code Link} header values (RFC 8288 §3): {@code <uri>; rel="a b"; other=x, <uri2>; rel=c}. Commas
     * inside {@code <…>} and quoted strings do not split links. Links without a target are skipped.
     */
    static List<Link> parse(List<String> values) {
        List<Link> out = new ArrayList<>();
        for (String v : values) {
            int i = 0;
            int n = v.length();
            while (i < n) {
                int lt = v.indexOf('<', i);
                if (lt < 0) break;
                int gt = v.indexOf('>', lt + 1);
                if (gt < 0) break;
                String target = v.substring(lt + 1, gt);
                List<String> rels = new ArrayList<>();
                int j = gt + 1;
                // parameters up to the next comma outside quotes
                while (j < n && v.charAt(j) != ',') {
                    if (v.charAt(j) != ';') {
                        j++;
                        continue;
                    }
                    int eq = v.indexOf('=', j);
                    int stop = nextDelimiter(v, j + 1);
                    if (eq < 0 || eq > stop) {
                        j = stop;
                        continue;
                    }
                    String name = v.substring(j + 1, eq).trim().toLowerCase(Locale.ROOT);
                    int valueStart = eq + 1;
                    while (valueStart < n && v.charAt(valueStart) == ' ') valueStart++;
                    String value;
                    if (valueStart < n && v.charAt(valueStart) == '"') {
                        int close = v.indexOf('"', valueStart + 1);
                        if (close < 0) close = n;
                        value = v.substring(valueStart + 1, close);
                        j = close + 1;
                    } else {
                        int end = nextDelimiter(v, valueStart);
                        value = v.substring(valueStart, end).trim();
                        j = end;
                    }
                    if (name.equals("rel")) {
                        for (String r : value.trim().split("\\s+")) {
                            if (!r.isEmpty()) rels.add(r.toLowerCase(Locale.ROOT));
                        }
                    }
                }
                if (!target.isBlank()) out.add(new Link(target, List.copyOf(rels)));
                i = j + 1;
            }
        }
        return out;
    }

    private static int nextDelimiter(String v, int from) {
        for (int k = from; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == ';' || c == ',') return k;
        }
        return v.length();
    }
}
