package uz.karvon.ingest.hostile;

import static uz.karvon.ingest.hostile.FeedText.atom;
import static uz.karvon.ingest.hostile.FeedText.entry;
import static uz.karvon.ingest.hostile.FeedText.item;
import static uz.karvon.ingest.hostile.FeedText.rss;
import static uz.karvon.ingest.hostile.FeedText.utf8;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.EITHER;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.ERROR;

import java.util.List;

/** Attacks on the XML parser (entities, DTDs, XInclude, expansion, nesting) and on the JSON parser's depth. */
final class XmlCases {
    static final String RSS = "application/rss+xml; charset=utf-8";

    private XmlCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                HostileCase.body("xxe-file-rss", "xml",
                        "XXE: external general entity reading file:///etc/passwd (+ canary file) in RSS",
                        "Entities not resolved (DOCTYPE rejected or entity left empty); no passwd/canary text in any output, log or error message",
                        EITHER, RSS, x -> {
                            String canary = x.lab().options().canaryFile() == null ? null
                                    : x.lab().options().canaryFile().toAbsolutePath().toString();
                            String dt = "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
                                    + (canary == null ? "" : "<!ENTITY canary SYSTEM \"file://" + canary + "\">") + "]>\n";
                            String desc = canary == null ? "&xxe;" : "&canary;";
                            return utf8(rss(item("xxe-file-1", "leak: &xxe;", desc), "Hostile lab feed", dt, FeedText.DECL));
                        }),
                HostileCase.body("xxe-file-atom", "xml", "XXE: external entity file:///etc/passwd in Atom title/content",
                        "Same as xxe-file-rss for the Atom parser path", EITHER, RSS,
                        x -> utf8(atom(entry("urn:lab:xxe-atom-1", "leak &xxe;", "2024-01-01T00:00:00Z", "&xxe;"),
                                "Hostile lab atom", "<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"))),
                HostileCase.body("xxe-http-callback", "xml",
                        "XXE: external entity fetched over HTTP (callback to 127.0.0.1 /_cb/xxe-http)",
                        "Entity never fetched: no callback 'xxe-http'", EITHER, RSS,
                        x -> doctypeRss("<!DOCTYPE rss [<!ENTITY cb SYSTEM \"" + x.base() + "/_cb/xxe-http\">]>\n",
                                item("xxe-http-1", "cb &cb;", "&cb;"))),
                HostileCase.body("xxe-parameter-entity", "xml",
                        "Out-of-band XXE via parameter entity %pe; loading a remote DTD (/_cb/xxe-pe.dtd)",
                        "Parameter entity never fetched: no callback 'xxe-pe.dtd'", EITHER, RSS,
                        x -> doctypeRss("<!DOCTYPE rss [<!ENTITY % pe SYSTEM \"" + x.base() + "/_cb/xxe-pe.dtd\"> %pe;]>\n",
                                item("xxe-pe-1", "pe", "pe"))),
                HostileCase.body("external-dtd", "xml",
                        "DOCTYPE with external DTD subset (SYSTEM http://127.0.0.1/_cb/external.dtd)",
                        "DTD never fetched (no callback 'external.dtd'); feed parsed without it or rejected cleanly", EITHER, RSS,
                        x -> doctypeRss("<!DOCTYPE rss SYSTEM \"" + x.base() + "/_cb/external.dtd\">\n",
                                item("ext-dtd-1", "external dtd", "x"))),
                HostileCase.body("external-dtd-rss091", "xml",
                        "Legit-looking RSS 0.91 Netscape PUBLIC DOCTYPE whose system id points at /_cb/rss-0.91.dtd",
                        "DTD never fetched (no callback 'rss-0.91.dtd'); old RSS 0.91 feeds should still parse", EITHER, RSS,
                        x -> utf8(FeedText.DECL
                                + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"" + x.base()
                                + "/_cb/rss-0.91.dtd\">\n"
                                + "<rss version=\"0.91\"><channel><title>RSS 0.91</title><link>http://127.0.0.1/</link>"
                                + "<description>old</description><language>en</language>"
                                + "<item><title>old item</title><link>http://127.0.0.1/a/rss091-1</link><description>x</description></item>"
                                + "</channel></rss>\n")),
                HostileCase.body("xinclude-file", "xml", "XInclude of file:///etc/passwd (parse=text) inside an item",
                        "XInclude not processed; no passwd text in output", EITHER, RSS,
                        x -> utf8(rss("<item><guid>xinc-1</guid><title>xinclude</title><description>x</description>"
                                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>"
                                + "</item>"))),
                HostileCase.body("billion-laughs", "xml", "Entity expansion: 10 levels x10 'lol' entities (~3 GB expanded)",
                        "Rejected quickly (entity expansion limit / DOCTYPE disallowed); memory stays bounded; clear error", ERROR, RSS,
                        x -> doctypeRss(billionLaughs(), item("lol-1", "&lol9;", "&lol9;"))),
                HostileCase.body("quadratic-blowup", "xml",
                        "Quadratic blowup: one 100 KB entity referenced 30,000 times (~3 GB expanded, 200 KB on wire)",
                        "Rejected (DOCTYPE/entities disallowed or total-expansion limit); bounded memory and time", ERROR, RSS,
                        x -> doctypeRss("<!DOCTYPE rss [<!ENTITY a \"" + "A".repeat(100_000) + "\">]>\n",
                                item("quad-1", "quad", "&a;".repeat(30_000)))),
                HostileCase.body("deep-nesting-xml", "xml", "10,000-deep nested foreign-namespace elements inside an item",
                        "No StackOverflowError kills the JVM/poller; feed rejected or extension ignored", EITHER, RSS,
                        x -> utf8(rss("<item><guid>deep-1</guid><title>deep</title><description>x</description>"
                                + "<x:n xmlns:x=\"urn:lab:deep\">" + "<x:n>".repeat(9_999) + "deep" + "</x:n>".repeat(10_000)
                                + "</item>"))),
                HostileCase.body("deep-nesting-html", "xml",
                        "Item description holding 10,000-deep nested <div> HTML (for the jsoup sanitizer)",
                        "Sanitizer finishes in bounded time/stack; item published with flattened/truncated HTML or rejected",
                        EITHER, RSS, x -> utf8(rss(item("deep-html-1", "deep html",
                                "<![CDATA[" + "<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000) + "]]>")))),
                HostileCase.body("deep-nesting-json", "json", "JSON Feed with a 10,000-deep nested array in an item extension",
                        "Parser depth limit or iterative parse; no StackOverflowError; feed rejected or extension ignored",
                        EITHER, "application/feed+json",
                        x -> utf8("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"deep\",\"items\":[{\"id\":\"deep-json-1\","
                                + "\"content_text\":\"x\",\"_lab\":" + "[".repeat(10_000) + "1" + "]".repeat(10_000) + "}]}")));
    }

    private static byte[] doctypeRss(String doctype, String items) {
        return utf8(rss(items, "Hostile lab feed", doctype, FeedText.DECL));
    }

    /** lol0 is ten "lol"s; each further level references the previous one ten times. */
    private static String billionLaughs() {
        StringBuilder dt = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i < 10; i++) {
            dt.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return dt.append("]>\n").toString();
    }
}
