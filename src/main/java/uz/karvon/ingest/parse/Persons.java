package uz.karvon.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;

/**
 * People as feeds write them. RSS puts a name and an e-mail address in one string, either way round
 * ({@code jane@example.org (Jane Doe)}, {@code Jane Doe <jane@example.org>}, or just one of them); Atom gives
 * {@code name}, {@code email} and {@code uri} (0.3: {@code url}) children. Both become an {@link Author}.
 */
final class Persons {
    private static final Pattern EMAIL = Pattern.compile("(?:mailto:)?([\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(?:\\.[\\w-]+)+)");
    private static final Pattern WRAPPERS = Pattern.compile("^[\\s(<\\[\"',;:-]+|[\\s)>\\]\"',;:-]+$");

    private Persons() {
    }

    /** A person from RSS-style text, or null for blank text. */
    static Author fromText(String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.strip();
        if (s.indexOf('@') < 0) return new Author(s, null, null);   // most names: no address to split off
        Matcher m = EMAIL.matcher(s);
        if (!m.find()) return new Author(s, null, null);
        String email = m.group(1);
        int from = m.start();
        int to = m.end();
        int before = from - 1;
        while (before >= 0 && s.charAt(before) == ' ') before--;
        int after = to;
        while (after < s.length() && s.charAt(after) == ' ') after++;
        if (before >= 0 && after < s.length() && "(<[".indexOf(s.charAt(before)) >= 0 && ")>]".indexOf(s.charAt(after)) >= 0) {
            from = before;   // the brackets around the address go with it
            to = after + 1;
        }
        String rest = (s.substring(0, from) + " " + s.substring(to)).strip();
        rest = WRAPPERS.matcher(rest).replaceAll("").strip();
        return new Author(rest.isEmpty() ? null : rest, null, email);
    }

    /** A person from an Atom (1.0 or 0.3) person construct, or null when it names nobody. */
    static Author fromElement(Element person) {
        String name = null;
        String email = null;
        String uri = null;
        for (Element c : person.getChildren()) {
            String t = c.getTextTrim();
            if (t.isEmpty()) continue;
            switch (c.getName()) {
                case "name" -> name = name == null ? t : name;
                case "email" -> email = email == null ? t : email;
                case "uri", "url" -> uri = uri == null ? t : uri;
                default -> {
                }
            }
        }
        if (name == null && email == null && uri == null) {
            return fromText(person.getTextTrim());   // <author>Jane</author> in an Atom feed
        }
        if (email != null) {
            Matcher m = EMAIL.matcher(email);
            email = m.find() ? m.group(1) : null;
        }
        if (name != null && email == null) {
            Author split = fromText(name);   // <name>jane@example.org (Jane)</name>
            if (split.email() != null) return new Author(split.name(), uri, split.email());
        }
        return name == null && email == null && uri == null ? null : new Author(name, uri, email);
    }
}
