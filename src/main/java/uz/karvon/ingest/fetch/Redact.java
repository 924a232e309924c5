package uz.karvon.ingest.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes URLs and messages safe to print: no credentials, no secret query values, one line. The one place for this rule. */
public final class Redact {

    private static final Set<String> SECRET_PARAMS = Set.of("key", "token", "apikey", "api_key", "password",
            "access_token", "secret", "sig", "signature", "auth");
    private static final Pattern PARAM = Pattern.compile("([?&;])([^=&;#\\s]*)=([^&;#\\s]*)");
    private static final Pattern USERINFO = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://)[^/@?#]*@");

    private Redact() {
    }

    static String url(URI u) {
        return u == null ? "null" : url(u.toString());
    }

    /** Drops user-info and replaces the value of secret-looking query parameters with {@code ***}. */
    public static String url(String s) {
        String noUser = USERINFO.matcher(s).replaceFirst("$1");
        Matcher m = PARAM.matcher(noUser);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value = SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT)) ? "***" : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + name + "=" + value));
        }
        m.appendTail(out);
        return oneLine(out.toString());
    }

    /** A library message made printable: one line, lower-case, URLs inside redacted, length-capped. */
    static String detail(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String s = oneLine(message).toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile("https?://\\S+").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(url(m.group())));
        }
        m.appendTail(out);
        String r = out.toString();
        return r.length() > 200 ? r.substring(0, 200) + "…" : r;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").trim();
    }
}
