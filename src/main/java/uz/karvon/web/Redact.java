package uz.karvon.web;

import java.util.regex.Pattern;

/** Removes credentials from anything that may be logged. */
final class Redact {
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)((?:^|&)(?:key|token|api_key|apikey|password)=)[^&]*");

    private Redact() {}

    static String url(String path, String query) {
        if (query == null || query.isEmpty()) return path;
        return path + "?" + SECRET_PARAM.matcher(query).replaceAll("$1REDACTED");
    }
}
