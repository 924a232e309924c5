package uz.karvon.web;

import java.util.regex.Pattern;

/** Removes credentials from anything that may be logged. */
final class Redact {
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)((?:^|&)(?:key|token|api_key|apikey|password)=)[^&]*");

    private Redact() {}

    /** A URL for display: user-info dropped, secret query parameters masked. */
    static String uri(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        base = base.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
        return q < 0 ? base : url(base, url.substring(q + 1));
    }

    static String url(String path, String query) {
        if (query == null || query.isEmpty()) return path;
        return path + "?" + SECRET_PARAM.matcher(query).replaceAll("$1REDACTED");
    }
}
