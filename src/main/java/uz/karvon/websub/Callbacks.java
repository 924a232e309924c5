package uz.karvon.websub;

import java.net.URI;

/**
 * Callback URLs are capabilities (WebSub §5.1 recommends unguessable ones): whoever knows one can post to it.
 * Logs and listings show only where a callback points — scheme, host and port — never its path or query.
 */
public final class Callbacks {
    private Callbacks() {}

    public static String shown(String callback) {
        try {
            URI u = URI.create(callback);
            if (u.getScheme() == null || u.getRawAuthority() == null) return "(invalid callback)";
            String authority = u.getRawAuthority();
            int at = authority.lastIndexOf('@');
            return u.getScheme() + "://" + (at >= 0 ? authority.substring(at + 1) : authority) + "/…";
        } catch (IllegalArgumentException e) {
            return "(invalid callback)";
        }
    }
}
