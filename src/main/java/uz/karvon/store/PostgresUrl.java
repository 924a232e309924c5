package uz.karvon.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a PostgreSQL database is, from what an operations team writes: a libpq URI
 * ({@code postgresql://user:password@host:5432/karvon?sslmode=require}, also {@code postgres://}, several
 * {@code host:port} separated by commas) or a JDBC URL ({@code jdbc:postgresql://host/karvon?user=…}).
 * User and password are taken out of the URL and handed to the driver as properties, so the URL the pool keeps
 * (and may log) carries neither. {@link #display} is what messages and {@code /health} show: no password.
 */
public record PostgresUrl(String jdbcUrl, String user, String password, String display) {

    @Override
    public String toString() {
        return display;
    }

    public boolean hasPassword() {
        return password != null;
    }

    /** True for the URL forms this class reads (anything else is not a PostgreSQL URL at all). */
    public static boolean looksLikePostgres(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("postgresql://") || u.startsWith("postgres://") || u.startsWith("jdbc:postgresql:");
    }

    /** @throws IllegalArgumentException with a message naming what is wrong (never the password) */
    public static PostgresUrl parse(String url) {
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("jdbc:postgresql://")) rest = u.substring("jdbc:postgresql://".length());
        else if (lower.startsWith("postgresql://")) rest = u.substring("postgresql://".length());
        else if (lower.startsWith("postgres://")) rest = u.substring("postgres://".length());
        else if (lower.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("expected jdbc:postgresql://HOST[:PORT]/DATABASE, with the host named");
        } else {
            throw new IllegalArgumentException("expected a postgresql://… or jdbc:postgresql://… URL");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? decode(rest.substring(slash + 1)) : "";
        String user = null, password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userinfo.indexOf(':');
            user = decode(colon >= 0 ? userinfo.substring(0, colon) : userinfo);
            if (colon >= 0) password = decode(userinfo.substring(colon + 1));
        }
        if (authority.isEmpty()) throw new IllegalArgumentException("the URL names no host");
        for (String host : authority.split(",", -1)) {
            if (host.isBlank()) throw new IllegalArgumentException("an empty host in '" + authority + "'");
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !host.endsWith("]")) {
                String port = host.substring(colon + 1);
                if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
                    throw new IllegalArgumentException("'" + port + "' is not a port number (1-65535)");
                }
            }
        }
        if (database.isEmpty()) throw new IllegalArgumentException("the URL names no database (…/DATABASE)");
        if (database.contains("/")) throw new IllegalArgumentException("'" + database + "' is not a database name");
        List<String> kept = new ArrayList<>();
        for (String param : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = param.indexOf('=');
            String name = decode(eq >= 0 ? param.substring(0, eq) : param);
            String value = eq >= 0 ? decode(param.substring(eq + 1)) : "";
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> kept.add(param);
            }
        }
        String params = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        String jdbc = "jdbc:postgresql://" + authority + "/" + encodePath(database) + params;
        String display = "postgresql://" + (user == null ? "" : user + "@") + authority + "/" + database + params;
        return new PostgresUrl(jdbc, user, password, display);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed %-escape in the URL");
        }
    }

    private static String encodePath(String database) {
        StringBuilder out = new StringBuilder();
        for (byte b : database.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '.') out.append((char) c);
            else out.append('%').append(String.format(Locale.ROOT, "%02X", c));
        }
        return out.toString();
    }
}
