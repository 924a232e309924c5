package uz.karvon.ingest.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Repairs decoded feed text so a strict XML parser accepts it, without ever expanding a DTD:
 * leading garbage and the XML declaration go, the DOCTYPE (with any internal subset) is cut out and references
 * to entities it declared become empty; HTML named entities become numeric references; bare '&amp;' is escaped;
 * characters and character references illegal in XML 1.0 are dropped. CDATA sections and comments are copied.
 */
final class XmlCleaner {
    private static final Pattern ENTITY_DECL = Pattern.compile("<!ENTITY\\s+(?:%\\s+)?([^\\s>]+)");
    private static final int MAX_ENTITY_NAME = 40;
    private static final int[] NO_CODEPOINTS = new int[0];

    private XmlCleaner() {
    }

    /**
     * Cleaned XML plus what was done, for warnings: the text from {@code start} of {@code source}, which is the
     * decoded input itself when nothing needed repair (most feeds: no copy is made).
     *
     * @param expansionAttack an entity is defined through other entities, or is huge: the shape of billion-laughs
     *                        and quadratic-blowup documents, refused rather than parsed with holes
     */
    record Cleaned(String source, int start, boolean doctypeRemoved, int declaredEntities, boolean expansionAttack,
                   int fixes) {
        String xml() {
            return source.substring(start);
        }

        Reader reader() {
            StringReader r = new StringReader(source);
            try {
                r.skip(start);
            } catch (IOException e) {
                throw new UncheckedIOException(e);   // a StringReader does not fail
            }
            return r;
        }
    }

    /**
     * The repaired text, copied only from the first change on: {@code s} between {@code kept} and the scan
     * position is unchanged so far and goes over in bulk when a change comes (or not at all if none does).
     */
    private static final class Repair {
        private final String s;
        private StringBuilder out;
        private int kept;
        /** Changes made other than cutting out the DOCTYPE: references escaped or rewritten, characters dropped. */
        private int fixes;

        Repair(String s, int start) {
            this.s = s;
            this.kept = start;
        }

        /** s[from, to) becomes {@code with}. */
        void replace(int from, int to, CharSequence with) {
            if (out == null) out = new StringBuilder(s.length() - kept + 64);
            out.append(s, kept, from).append(with);
            kept = to;
            fixes++;
        }

        void drop(int from, int to) {
            replace(from, to, "");
        }

        Cleaned result(boolean doctype, int declared, boolean attack) {
            int changes = doctype ? fixes - 1 : fixes;
            if (out == null) return new Cleaned(s, kept, doctype, declared, attack, changes);
            out.append(s, kept, s.length());
            return new Cleaned(out.toString(), 0, doctype, declared, attack, changes);
        }
    }

    static Cleaned clean(String in) {
        int start = documentStart(in);
        int bodyStart = skipDeclaration(in, start);
        Set<String> declared = Set.of();
        boolean doctype = false;
        boolean attack = false;
        int dtStart = findDoctype(in, bodyStart);
        Repair out = new Repair(in, bodyStart);
        int from = bodyStart;
        if (dtStart >= 0) {
            int dtEnd = doctypeEnd(in, dtStart);
            String dt = in.substring(dtStart, dtEnd);
            declared = entityNames(dt);
            attack = expansionAttack(dt);
            doctype = true;
            fix(in, bodyStart, dtStart, declared, out);
            out.drop(dtStart, dtEnd);
            from = dtEnd;
        }
        fix(in, from, in.length(), declared, out);
        return out.result(doctype, declared.size(), attack);
    }

    /**
     * Index of "&lt;?xml", else of the first '&lt;' that starts markup; 0 if none. When that first markup is an
     * element other than a feed root ("&lt;br&gt;PHP Warning: …" printed before the feed) and a feed root follows
     * within the first 4 KB, the document starts at the feed root.
     */
    static int documentStart(String s) {
        int decl = s.indexOf("<?xml");
        if (decl >= 0 && decl < 4096) return decl;
        for (int i = s.indexOf('<'); i >= 0 && i + 1 < s.length(); i = s.indexOf('<', i + 1)) {
            char c = s.charAt(i + 1);
            if (c == '!' || c == '?') return i;
            if (Character.isLetter(c)) {
                if (isFeedRoot(s, i)) return i;
                int root = feedRootWithin(s, i + 1, 4096);
                return root >= 0 ? root : i;
            }
        }
        return 0;
    }

    private static final String[] FEED_ROOTS = {"<rss", "<feed", "<rdf:RDF", "<RDF", "<channel", "<CHANNEL"};

    private static boolean isFeedRoot(String s, int lt) {
        for (String r : FEED_ROOTS) {
            int end = lt + r.length();
            if (s.startsWith(r, lt) && end < s.length() && (Character.isWhitespace(s.charAt(end)) || s.charAt(end) == '>')) return true;
        }
        return false;
    }

    private static int feedRootWithin(String s, int from, int limit) {
        for (int i = s.indexOf('<', from); i >= 0 && i < limit; i = s.indexOf('<', i + 1)) {
            if (isFeedRoot(s, i)) return i;
        }
        return -1;
    }

    private static int skipDeclaration(String s, int start) {
        if (s.startsWith("<?xml", start)) {
            int end = s.indexOf("?>", start);
            if (end > 0) return end + 2;
        }
        return start;
    }

    /** Position of a DOCTYPE before the root element, or -1. Skips whitespace, comments and PIs. */
    static int findDoctype(String s, int from) {
        int i = from;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (s.startsWith("<!--", i)) {
                int e = s.indexOf("-->", i + 4);
                if (e < 0) return -1;
                i = e + 3;
            } else if (s.startsWith("<?", i)) {
                int e = s.indexOf("?>", i + 2);
                if (e < 0) return -1;
                i = e + 2;
            } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                return i;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** End (exclusive) of a DOCTYPE starting at {@code start}, honouring quotes and an internal subset. */
    static int doctypeEnd(String s, int start) {
        int depth = 0;
        char quote = 0;
        for (int i = start + 9; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static final Pattern ENTITY_VALUE = Pattern.compile("<!ENTITY\\s+(?:%\\s+)?[^\\s>]+\\s+(\"[^\"]*\"|'[^']*')");
    static final int MAX_ENTITY_VALUE = 1024;

    static boolean expansionAttack(String doctype) {
        Matcher m = ENTITY_VALUE.matcher(doctype);
        while (m.find()) {
            String v = m.group(1);
            if (v.length() > MAX_ENTITY_VALUE || v.indexOf('&') >= 0 || v.indexOf('%') >= 0) return true;
        }
        return false;
    }

    private static Set<String> entityNames(String doctype) {
        Set<String> names = new HashSet<>();
        Matcher m = ENTITY_DECL.matcher(doctype);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static void fix(String s, int from, int to, Set<String> declared, Repair out) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '&') {
                i = reference(s, i, to, declared, out);
            } else if (c == '<' && s.startsWith("<![CDATA[", i)) {
                int e = s.indexOf("]]>", i + 9);
                int end = e < 0 || e >= to ? to : e + 3;
                dropIllegal(s, i, end, out);
                i = end;
            } else if (c == '<' && s.startsWith("<!--", i)) {
                int e = s.indexOf("-->", i + 4);
                int end = e < 0 || e >= to ? to : e + 3;
                dropIllegal(s, i, end, out);
                i = end;
            } else if (plain(c) || c == '<') {
                i++;
            } else {
                i = legalChar(s, i, to, out);
            }
        }
    }

    /** Chars that need no attention: legal BMP non-surrogates other than '&' and '<'. */
    private static boolean plain(char c) {
        return c >= 0x20 ? (c < 0xD800 ? c != '&' && c != '<' : c >= 0xE000 && c <= 0xFFFD) : c == '\n' || c == '\t' || c == '\r';
    }

    /** In CDATA or a comment, where '&' and '<' are literal: only characters illegal in XML go. */
    private static void dropIllegal(String s, int from, int to, Repair out) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            i = (c >= 0x20 && c < 0xD800) || c == '\n' || c == '\t' || c == '\r' ? i + 1 : legalChar(s, i, to, out);
        }
    }

    /** Keeps the char (or surrogate pair) at i if legal in XML 1.0, else drops it; returns the next index. */
    private static int legalChar(String s, int i, int to, Repair out) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0xD800) return i + 1;
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) return i + 2;
            out.drop(i, i + 1);
            return i + 1;
        }
        if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD))) out.drop(i, i + 1);
        return i + 1;
    }

    private static int reference(String s, int amp, int to, Set<String> declared, Repair out) {
        int i = amp + 1;
        if (i < to && s.charAt(i) == '#') {
            return charReference(s, amp, to, out);
        }
        int nameEnd = i;
        while (nameEnd < to && nameEnd - i <= MAX_ENTITY_NAME && isNameChar(s.charAt(nameEnd))) nameEnd++;
        if (nameEnd == i || nameEnd >= to || s.charAt(nameEnd) != ';') {
            out.replace(amp, amp + 1, "&amp;");
            return amp + 1;
        }
        if (predefined(s, i, nameEnd)) return nameEnd + 1;   // the common case (escaped HTML in descriptions)
        String name = s.substring(i, nameEnd);
        if (declared.contains(name)) {   // DTD-declared entities are dropped, never expanded
            out.drop(amp, nameEnd + 1);
        } else {
            int[] cps = htmlEntity(name);
            if (cps.length == 0) {
                out.replace(amp, amp + 1, "&amp;");
            } else {
                StringBuilder refs = new StringBuilder(12);
                for (int cp : cps) refs.append("&#").append(cp).append(';');
                out.replace(amp, nameEnd + 1, refs);
            }
        }
        return nameEnd + 1;
    }

    /** amp, lt, gt, quot or apos between from and to. */
    private static boolean predefined(String s, int from, int to) {
        return switch (to - from) {
            case 2 -> (s.charAt(from) == 'l' || s.charAt(from) == 'g') && s.charAt(from + 1) == 't';
            case 3 -> s.startsWith("amp", from);
            case 4 -> s.startsWith("quot", from) || s.startsWith("apos", from);
            default -> false;
        };
    }

    private static int charReference(String s, int amp, int to, Repair out) {
        int i = amp + 2;
        boolean hex = i < to && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
        if (hex) i++;
        int digitsStart = i;
        long cp = 0;
        while (i < to && i - digitsStart < 8) {
            int d = Character.digit(s.charAt(i), hex ? 16 : 10);
            if (d < 0) break;
            cp = cp * (hex ? 16 : 10) + d;
            i++;
        }
        if (i == digitsStart || i >= to || s.charAt(i) != ';') {
            out.replace(amp, amp + 1, "&amp;");
            return amp + 1;
        }
        if (!legalXmlChar(cp)) out.drop(amp, i + 1);
        return i + 1;
    }

    private static int[] htmlEntity(String name) {
        if (!Entities.isNamedEntity(name)) {
            String lower = name.toLowerCase(Locale.ROOT);   // &NBSP; &Laquo; written by hand
            if (lower.equals(name) || !Entities.isNamedEntity(lower)) return NO_CODEPOINTS;
            name = lower;
        }
        int[] cps = new int[2];
        int n = Entities.codepointsForName(name, cps);
        return n <= 0 ? NO_CODEPOINTS : Arrays.copyOf(cps, n);
    }

    static boolean legalXmlChar(long c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == '.' || (c > 0x7F && Character.isLetterOrDigit(c));
    }
}
