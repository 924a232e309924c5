package uz.karvon.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Map;
import uz.karvon.config.FeedProfile;
import uz.karvon.config.KarvonConfig;
import uz.karvon.config.KarvonConfig.FeedSpec;
import uz.karvon.publish.FeedFormat;
import uz.karvon.publish.FeedPublisher;
import uz.karvon.publish.PageRequest;
import uz.karvon.publish.SiteUrls;
import uz.karvon.publish.profile.Exclusion;
import uz.karvon.publish.profile.ProfileReport;

/**
 * {@code GET /api/feeds} (admin token): every feed with its URLs and platform profile, and for a profiled feed the
 * items its profile leaves out, per format, with the reason and the platform's rule. Profiled feeds are rendered
 * (through the cache) before the answer, so the report is never older than the feed itself.
 */
final class FeedsApi {
    private final FeedPublisher publisher;

    FeedsApi(FeedPublisher publisher) {
        this.publisher = publisher;
    }

    void list(Context ctx) {
        KarvonConfig cfg = publisher.config();
        SiteUrls urls = new SiteUrls(cfg.site().baseUrl());
        ObjectNode out = ApiRoutes.JSON.createObjectNode();
        ArrayNode feeds = out.putArray("feeds");
        for (FeedSpec f : cfg.feeds()) {
            ObjectNode o = feeds.addObject();
            o.put("id", f.id()).put("title", f.title()).put("language", f.language() == null ? "all" : f.language());
            o.put("public", f.isPublic()).put("profile", f.profile().key());
            ObjectNode links = o.putObject("urls");
            for (FeedFormat fmt : new FeedFormat[] {FeedFormat.RSS, FeedFormat.ATOM, FeedFormat.JSON, FeedFormat.NINJS}) {
                links.put(fmt.extension(), urls.feed(f.id(), fmt.extension()));
            }
            if (f.profile() == FeedProfile.NONE) continue;
            for (FeedFormat fmt : new FeedFormat[] {FeedFormat.RSS, FeedFormat.ATOM, FeedFormat.JSON}) publisher.render(f.id(), fmt, PageRequest.FIRST);
            ObjectNode left = o.putObject("left_out");
            for (Map.Entry<String, ProfileReport.Entry> r : publisher.profileReport().of(f.id()).entrySet()) {
                ObjectNode byFormat = left.putObject(r.getKey());
                byFormat.put("checked_at", r.getValue().checkedAt().toString());
                ArrayNode items = byFormat.putArray("items");
                for (Exclusion x : r.getValue().excluded()) {
                    items.addObject().put("id", x.itemId()).put("title", x.title()).put("url", x.url())
                            .put("reason", x.rule().reason()).put("rule", x.rule().rule()).put("code", x.rule().name());
                }
            }
        }
        ctx.header("Cache-Control", "no-store");
        ApiRoutes.json(ctx, out);
    }
}
