package uz.karvon.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import uz.karvon.config.KarvonConfig.PartnerSpec;
import uz.karvon.publish.FeedPublisher;

/**
 * {@code GET /api/ninjs/{id}}: one article as an IPTC ninjs 3.1 object, by its CMS id. A public story is public
 * (like its page); a story under embargo, or withdrawn while under embargo, answers only to a partner allowed to
 * read embargoed stories (the same credentials as private feeds) and is "not found" to anyone else, so its
 * existence does not leak. A withdrawn story answers {@code pubStatus: canceled} for
 * {@code server.tombstone_retention}, then 404.
 */
final class NinjsRoutes {
    private final FeedPublisher publisher;
    private final PartnerAccess access;

    NinjsRoutes(FeedPublisher publisher, PartnerAccess access) {
        this.publisher = publisher;
        this.access = access;
    }

    void article(Context ctx) {
        Optional<FeedPublisher.NinjsStory> story = publisher.ninjs(ctx.pathParam("id"));
        if (story.isPresent() && story.get().embargoPartnersOnly()) {
            Optional<PartnerSpec> p = access.identify(ctx);
            if (p.isEmpty() || !p.get().embargoed()) story = Optional.empty();
        }
        if (story.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            ctx.header("Cache-Control", "no-store");
            ApiRoutes.json(ctx, ApiRoutes.JSON.createObjectNode().put("error", "no such article"));
            return;
        }
        ctx.header("Cache-Control", story.get().embargoPartnersOnly() ? "private, no-store"
                : "public, max-age=" + publisher.config().server().feedMaxAge().toSeconds());
        ctx.header("Vary", "Authorization");
        ctx.contentType("application/json; charset=utf-8").result(story.get().json());
    }
}
