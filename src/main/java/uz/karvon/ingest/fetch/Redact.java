package uz.karvon.ingest.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes URLs and messages safe to print: no credentials, no secret query values, one line. The one place for this rule. */
public final class Redact {


    private static final Pattern PARAM = Pattern.compile("([?&;])([^=&;#\\s]*)=([^&;#\\s]*)");
    private static final Pattern USERINFO = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://)[^/@?#]*@");
    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://\\S+");
    private static final Pattern CONTROLS = Pattern.compile("[\\r\\n\\t\\p{Cntrl}]+");

    private Redact() {
    }

    /**
     * A query parameter or header whose name says it carries a credential (api_key, client_secret, X-Auth-Token,
     * sig, …). One rule for what is masked in messages and what is withheld from other origins.
     */
    public static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("cookie") || n.equals("sig") || n.equals("signature") || n.contains("key") || n.contains("token")
                || n.contains("auth") || n.contains("secret") || n.contains("password");
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
            String value = isSecretName(name) ? "***" : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + name + "=" + value));
        }
        m.appendTail(out);
        return oneLine(out.toString());
    }

    /** A library message made printable: one line, lower-case, URLs inside redacted, length-capped. */
    public static String detail(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String s = oneLine(message).toLowerCase(Locale.ROOT);
        Matcher m = URL_IN_TEXT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(url(m.group())));
        }
        m.appendTail(out);
        String r = out.toString();
        return r.length() > 200 ? r.substring(0, 200) + "…" : r;
    }

    private static String oneLine(String s) {
        return CONTROLS.matcher(s).replaceAll(" ").trim();
    }
}
