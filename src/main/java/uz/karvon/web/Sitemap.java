package uz.karvon.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import uz.karvon.config.KarvonConfig;
import uz.karvon.publish.Rendered;
import uz.karvon.publish.Served;
import uz.karvon.publish.Sitemaps;

/**
 * {@code /sitemap.xml} (a sitemap index), {@code /sitemap-N.xml} (its files) and {@code /sitemap-news.xml}
 * (Google News): cached bytes from {@link Sitemaps}, served with validators and gzip like the feeds. The files
 * sit next to the index because a sitemap may only list URLs at or below its own directory.
 */
final class Sitemap {
    private final Sitemaps sitemaps;
    private final Supplier<KarvonConfig> config;

    Sitemap(Sitemaps sitemaps, Supplier<KarvonConfig> config) {
        this.sitemaps = sitemaps;
        this.config = config;
    }

    void index(Context ctx) throws IOException {
        send(ctx, new Served(sitemaps.index(), false));
    }

    /** {@code /sitemap-{name}.xml}: {@code news}, or the number of a file. */
    void file(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (name.equals("news")) {
            send(ctx, sitemaps.news());
            return;
        }
        Optional<Served> file = name.matches("[1-9][0-9]{0,9}") ? sitemaps.file(Long.parseLong(name)) : Optional.empty();
        if (file.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        send(ctx, file.get());
    }

    private void send(Context ctx, Served served) throws IOException {
        Rendered r = served.rendered();
        ctx.disableCompression();
        ctx.header("X-Cache", served.hit() ? "HIT" : "MISS");
        String accept = ctx.header("Accept-Encoding");
        boolean gzip = accept != null && FeedRoutes.acceptsGzip(accept);
        ctx.header("ETag", gzip ? FeedRoutes.gzipTag(r.etag()) : r.etag());
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(r.lastModified().atOffset(ZoneOffset.UTC)));
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("Cache-Control", "public, max-age=" + config.get().server().feedMaxAge().toSeconds());
        if (FeedRoutes.notModified(ctx, r)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.header("Content-Type", r.contentType());
        byte[] body = gzip ? r.gzip() : r.raw();
        if (gzip) ctx.header("Content-Encoding", "gzip");
        ctx.header("Content-Length", Integer.toString(body.length));
        ctx.res().getOutputStream().write(body);
    }
}
