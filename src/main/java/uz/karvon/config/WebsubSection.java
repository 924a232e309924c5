package uz.karvon.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/** Reads the {@code websub:} section of feeds.yml; problems go to the same list as the rest, with positions. */
final class WebsubSection {
    private WebsubSection() {}

    static KarvonConfig.Websub read(YamlMap m, Problems p) {
        KarvonConfig.Websub d = KarvonConfig.Websub.DEFAULTS;
        URI hub = hub(m, p);
        Duration min = m.duration("min_lease", d.minLease(), Duration.ofMinutes(5), Duration.ofDays(365));
        Duration max = m.duration("max_lease", d.maxLease(), Duration.ofMinutes(5), Duration.ofDays(365));
        Duration def = m.duration("default_lease", d.defaultLease(), Duration.ofMinutes(5), Duration.ofDays(365));
        if (min.compareTo(max) > 0) {
            p.at(m.valueNode(m.has("min_lease") ? "min_lease" : "max_lease"), m.qualified("min_lease") + " ("
                    + Durations.format(min) + ") is longer than " + m.qualified("max_lease") + " (" + Durations.format(max) + ")");
        } else if (def.compareTo(min) < 0 || def.compareTo(max) > 0) {
            p.at(m.valueNode(m.has("default_lease") ? "default_lease" : m.has("max_lease") ? "max_lease" : "min_lease"),
                    m.qualified("default_lease") + " (" + Durations.format(def) + ") must lie between min_lease ("
                    + Durations.format(min) + ") and max_lease (" + Durations.format(max) + ")");
        }
        KarvonConfig.Websub w = new KarvonConfig.Websub(hub, def, min, max,
                m.integer("delivery_workers", d.deliveryWorkers(), 1, 256),
                m.integer("delivery_per_host", d.deliveryPerHost(), 1, 256),
                m.duration("delivery_timeout", d.deliveryTimeout(), Duration.ofSeconds(1), Duration.ofMinutes(2)),
                m.integer("max_subscriptions", d.maxSubscriptions(), 1, 10_000_000),
                m.bool("allow_private_callbacks", d.allowPrivateCallbacks()),
                m.bool("subscribe_sources", d.subscribeSources()),
                m.duration("push_poll_interval", d.pushPollInterval(), Duration.ofMinutes(1), Duration.ofDays(7)));
        m.rejectUnknownKeys();
        return w;
    }

    /** {@code builtin} (the default) or the absolute http(s) URL of an external hub. */
    private static URI hub(YamlMap m, Problems p) {
        String s = m.string("hub", "builtin");
        if (s.equalsIgnoreCase("builtin")) return null;
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getFragment() == null) return u;
        } catch (URISyntaxException e) {
            // reported below
        }
        p.at(m.valueNode("hub"), m.qualified("hub") + ": expected 'builtin' or the absolute http(s) URL of a hub,"
                + " e.g. https://pubsubhubbub.appspot.com/, got \"" + s + "\"");
        return null;
    }
}
