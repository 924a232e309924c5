package uz.karvon.publish;

import uz.karvon.publish.render.Paging;

/**
 * Where one page of a feed sits among its pages (RFC 5005): the page asked for and its neighbours as the
 * {@link FeedPager} found them ({@code null}: none), written as URLs of the page's own format. The NDJSON form of
 * ninjs keeps its {@code ndjson} parameter on every link.
 */
record PageLinks(SiteUrls urls, String feedId, FeedFormat format, PageRequest request, PageRequest previous,
                 PageRequest next) {

    static PageLinks of(SiteUrls urls, String feedId, FeedFormat format, PageRequest request, FeedPager.Page page) {
        return new PageLinks(urls, feedId, format, request, page.previous(), page.next());
    }

    /** The same page with another next page ({@code null}: none). */
    PageLinks withNext(PageRequest n) {
        return new PageLinks(urls, feedId, format, request, previous, n);
    }

    /** The links as the renderers and the {@code Link} header take them: first on every page but the first. */
    Paging paging() {
        return new Paging(request.isFirst() ? null : url(PageRequest.FIRST), previous == null ? null : url(previous),
                next == null ? null : url(next));
    }

    String url(PageRequest p) {
        String query = p.query();
        if (format == FeedFormat.NINJS_NDJSON) query = query.isEmpty() ? "?ndjson" : query + "&ndjson";
        return urls.feed(feedId, format.extension()) + query;
    }
}
