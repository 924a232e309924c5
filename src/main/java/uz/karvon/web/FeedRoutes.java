package uz.karvon.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.PageRequest;
import uz.karvon.publish.Rendered;
import uz.karvon.publish.Served;
import uz.karvon.publish.Topics;
import uz.karvon.publish.render.Paging;
import uz.karvon.stats.PullStats;
import uz.karvon.web.html.Html;

/**
 * {@code GET /feeds/{id}.{rss|atom|json|ninjs}} ({@code ?ndjson}: ninjs one object per line): cached bytes,
 * validators, gzip, and partner access for private feeds. {@code ?before=CURSOR} and {@code ?after=CURSOR} are the
 * RFC 5005 pages the feeds link to.
 */
final class FeedRoutes {
    private final FeedPublisher publisher;
    private final PartnerAccess access;
    private final PullStats stats;
    /** Last-Modified values already formatted (one per feed version); cleared when it grows past a few hundred. */
    private final Map<Instant, String> httpDates = new ConcurrentHashMap<>();

    FeedRoutes(FeedPublisher publisher, PartnerAccess access, PullStats stats) {
        this.publisher = publisher;
        this.access = access;
        this.stats = stats;
    }

    void serve(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        Optional<FeedFormat> format = dot < 0 ? Optional.empty() : FeedFormat.byExtension(file.substring(dot + 1));
        if (format.isPresent() && format.get() == FeedFormat.NINJS && ctx.queryParamMap().containsKey("ndjson")) {
            format = Optional.of(FeedFormat.NINJS_NDJSON);
        }
        String id = dot < 0 ? file : file.substring(0, dot);
        Optional<FeedSpec> spec = publisher.config().feed(id);
        if (format.isEmpty() || spec.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8")
                    .result("no such feed; see / for the list of feeds");
            return;
        }
        // embargoed stories are for partners only, whatever the feed's other settings say
        if ((!spec.get().isPublic() || spec.get().includeEmbargoed()) && !access.admit(ctx, spec.get())) return;
        PageRequest.Parsed page = PageRequest.parse(ctx.queryParam("before"), ctx.queryParam("after"));
        if (page.error() != null) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8").result(page.error());
            return;
        }
        Optional<Served> served = publisher.render(id, format.get(), page.page());
        if (served.isEmpty()) { // removed by a reload a moment ago
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("no such feed");
            return;
        }
        Rendered r = served.get().rendered();
        boolean xml = format.get() == FeedFormat.RSS || format.get() == FeedFormat.ATOM;
        String client = ClientLimit.client(ctx, publisher.config().server().trustForwardedFor());
        String partner = ctx.attribute("partner");
        if (xml && opensInBrowser(ctx)) {
            // a person opening the feed: the same items as a page (its stylesheet applied here), with a link to subscribe
            ctx.header("Vary", "Sec-Fetch-Dest" + (spec.get().isPublic() ? "" : ", Authorization"));
            ctx.header("Cache-Control", spec.get().isPublic()
                    ? "public, max-age=" + publisher.config().server().feedMaxAge().toSeconds() : "private, no-cache");
            String html = FeedPage.html(r.raw());
            stats.record(id, partner, client, ctx.header("User-Agent"), 200, html.length()); // before the bytes leave, as below
            Html.send(ctx, html);
            return;
        }
        ctx.disableCompression();
        // whether this response was rendered now or came from the render cache (as CDNs say it)
        ctx.header("X-Cache", served.get().hit() ? "HIT" : "MISS");
        String accept = ctx.header("Accept-Encoding");
        boolean gzip = accept != null && acceptsGzip(accept);
        // Two representations, two validators (RFC 9110 §8.8.3): the gzip one gets its own tag.
        ctx.header("ETag", gzip ? gzipTag(r.etag()) : r.etag());
        ctx.header("Last-Modified", httpDate(r.lastModified()));
        // RFC 5005 paging, and on a first page (a WebSub topic) the hub and self; NDJSON is no topic of its own
        String link = link(r.paging());
        if (page.page().isFirst() && format.get() != FeedFormat.NINJS_NDJSON) {
            String hub = linkHeader(spec.get(), format.get());
            link = link == null ? hub : link + ", " + hub;
        }
        if (link != null) ctx.header("Link", link);
        ctx.header("Vary", (spec.get().isPublic() ? "Accept-Encoding" : "Accept-Encoding, Authorization") + (xml ? ", Sec-Fetch-Dest" : ""));
        ctx.header("Cache-Control", spec.get().isPublic()
                ? "public, max-age=" + publisher.config().server().feedMaxAge().toSeconds()
                : "private, no-cache");
        if ((format.get() == FeedFormat.JSON || format.get().isNinjs()) && spec.get().isPublic()) {
            ctx.header("Access-Control-Allow-Origin", "*");
        }
        if (notModified(ctx, r)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            stats.record(id, partner, client, ctx.header("User-Agent"), 304, 0);
            return;
        }
        ctx.header("Content-Type", r.contentType());
        byte[] body = gzip ? r.gzip() : r.raw();
        if (gzip) ctx.header("Content-Encoding", "gzip");
        // counted before the bytes leave: once the client has the body it may already be asking for the stats
        stats.record(id, partner, client, ctx.header("User-Agent"), 200, "HEAD".equals(ctx.method().name()) ? 0 : body.length);
        send(ctx, body);
    }

    /** Link headers per feed and format, for the configuration they were built from. */
    private record Links(KarvonConfig config, Map<String, String> byTopic) {}

    private volatile Links links = new Links(null, Map.of());

    /** WebSub discovery (§4): the hub and the topic (self), as the body names them; built once per configuration. */
    private String linkHeader(FeedSpec spec, FeedFormat format) {
        KarvonConfig cfg = publisher.config();
        Links l = links;
        if (l.config() != cfg) {
            l = new Links(cfg, new ConcurrentHashMap<>());
            links = l;
        }
        return l.byTopic().computeIfAbsent(spec.id() + "." + format.extension(), k -> "<" + Topics.hub(cfg, spec)
                + ">; rel=\"hub\", <" + Topics.url(cfg, new Topics.Topic(spec.id(), format)) + ">; rel=\"self\"");
    }

    /** A browser opening the feed as a page (a click on a feed link, the address typed in). */
    static boolean opensInBrowser(Context ctx) {
        return "document".equals(ctx.header("Sec-Fetch-Dest"));
    }

    /**
     * Writes the cached bytes straight to the servlet response in one write: with Content-Length set, Jetty sends
     * headers and body together, and skips Javalin's result stream (a 32 KB copy buffer per request).
     */
    private static void send(Context ctx, byte[] body) throws IOException {
        ctx.header("Content-Length", Integer.toString(body.length));
        if ("HEAD".equals(ctx.method().name())) return;
        ctx.res().getOutputStream().write(body);   // a client abort propagates to Javalin, as with ctx.result
    }

    private String httpDate(Instant t) {
        String s = httpDates.get(t);
        if (s == null) {
            if (httpDates.size() > 256) httpDates.clear();
            s = DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
            httpDates.put(t, s);
        }
        return s;
    }

    /** RFC 9110 §13.1: If-None-Match (weak comparison, lists, *) wins over If-Modified-Since. */
    static boolean notModified(Context ctx, Rendered r) {
        String inm = ctx.header("If-None-Match");
        if (inm != null) {
            String strong = r.etag();
            String gz = gzipTag(strong);
            for (String tag : inm.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals("*") || t.equals(strong) || t.equals(gz)) return true;
            }
            return false;
        }
        String ims = ctx.header("If-Modified-Since");
        if (ims == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ims.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !r.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The page's RFC 5005 links as an RFC 8288 {@code Link} header, or null when it has none. */
    static String link(Paging p) {
        StringBuilder b = new StringBuilder();
        if (p.next() != null) b.append('<').append(p.next()).append(">; rel=\"next\"");
        if (p.previous() != null) b.append(b.isEmpty() ? "" : ", ").append('<').append(p.previous()).append(">; rel=\"previous\"");
        if (p.first() != null) b.append(b.isEmpty() ? "" : ", ").append('<').append(p.first()).append(">; rel=\"first\"");
        return b.isEmpty() ? null : b.toString();
    }

    static String gzipTag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gz\"";
    }

    static boolean acceptsGzip(String acceptEncoding) {
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (!p[0].trim().equalsIgnoreCase("gzip") && !p[0].trim().equals("*")) continue;
            for (int i = 1; i < p.length; i++) {
                String q = p[i].trim();
                if (q.startsWith("q=") && q.substring(2).trim().matches("0(\\.0*)?")) return false;
            }
            return true;
        }
        return false;
    }
}
