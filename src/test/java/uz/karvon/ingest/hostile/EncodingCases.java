package uz.karvon.ingest.hostile;

import static uz.karvon.ingest.hostile.FeedText.CYRILLIC;
import static uz.karvon.ingest.hostile.FeedText.UZBEK;
import static uz.karvon.ingest.hostile.FeedText.bytes;
import static uz.karvon.ingest.hostile.FeedText.item;
import static uz.karvon.ingest.hostile.FeedText.rss;
import static uz.karvon.ingest.hostile.FeedText.splice;
import static uz.karvon.ingest.hostile.FeedText.utf8;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.EITHER;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.ERROR;
import static uz.karvon.ingest.hostile.HostileCase.Outcome.OK;
import static uz.karvon.ingest.hostile.XmlCases.RSS;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Content types and character encodings that lie, conflict or are missing; bytes that are not text. */
final class EncodingCases {
    private static final Charset CP1251 = Charset.forName("windows-1251");

    private EncodingCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                HostileCase.body("wrong-content-type", "encoding", "Valid RSS served as Content-Type: image/png",
                        "Either content-sniffed and parsed, or clean 'not a feed' error; never a crash", EITHER, "image/png",
                        x -> utf8(rss(item("wrong-ct-1", "served as png", "x")))),
                HostileCase.body("html-instead-of-feed", "encoding",
                        "An HTML landing page (text/html) with <link rel=alternate> autodiscovery to http://10.255.255.1/feed",
                        "Clean 'not a feed' error; autodiscovery (if any) never goes to private addresses", ERROR,
                        "text/html; charset=utf-8", x -> utf8("<!doctype html><html><head><title>Site moved</title>"
                                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"http://10.255.255.1/feed\"></head>"
                                + "<body><h1>We moved!</h1><p>Our feed is now elsewhere.</p></body></html>")),
                HostileCase.body("json-garbage", "encoding", "application/feed+json body that is truncated JSON followed by binary junk",
                        "Clean parse error; no crash", ERROR, "application/feed+json", x -> jsonGarbage()),
                HostileCase.body("charset-header-lie", "encoding",
                        "Header says charset=utf-8, no XML encoding decl, body is windows-1251 Cyrillic",
                        "No crash; either clean decode error or U+FFFD replacement; published output is valid UTF-8", EITHER, RSS,
                        x -> rss(item("cs-lie-1", CYRILLIC, CYRILLIC), "Hostile lab feed", "", "<?xml version=\"1.0\"?>\n")
                                .getBytes(CP1251)),
                HostileCase.body("charset-decl-mismatch", "encoding",
                        "Header charset=utf-8 but XML decl encoding=windows-1251; body really windows-1251",
                        "Cyrillic decoded correctly (declared-encoding fallback when header charset fails) or clean error; never mojibake silently",
                        EITHER, RSS, x -> rss(item("cs-mm-1", CYRILLIC, CYRILLIC), "Hostile lab feed", "",
                                "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n").getBytes(CP1251)),
                HostileCase.body("text-xml-no-charset", "encoding",
                        "Content-Type: text/xml without charset (old RFC 3023 us-ascii default), UTF-8 body with Uzbek Latin/Cyrillic",
                        "Decoded as UTF-8 (RFC 7303); Uzbek text published intact", OK, "text/xml",
                        x -> utf8(rss(item("text-xml-1", UZBEK, UZBEK)))),
                HostileCase.body("invalid-utf8", "encoding",
                        "UTF-8 declared; title contains invalid sequences (C3 28, overlong C0 AF, surrogate ED A0 80, FF)",
                        "Clean error or U+FFFD; published output valid UTF-8", EITHER, RSS,
                        x -> splice(utf8(rss(item("bad-utf8-1", "@@T@@", "ok"))), "@@T@@",
                                concat(utf8("bad "), bytes(0xC3, 0x28), utf8(" "), bytes(0xC0, 0xAF), utf8(" "),
                                        bytes(0xED, 0xA0, 0x80), utf8(" "), bytes(0xFF), utf8(" end")))),
                HostileCase.body("control-chars", "encoding", "Raw NUL, 0x01, 0x0B, 0x1B bytes inside title/description",
                        "Clean error or characters stripped; published XML stays well-formed (no illegal XML 1.0 chars)", EITHER, RSS,
                        x -> utf8(rss(item("ctrl-1", "nul\u0000 soh\u0001 vt\u000b esc\u001b", "a\u0000b")))),
                HostileCase.body("control-char-refs", "encoding", "Character references &#0; &#x1B; &#xFFFE; (illegal in XML 1.0) in text",
                        "Clean error or stripped; published XML stays well-formed", EITHER, RSS,
                        x -> utf8(rss(item("ctrl-ref-1", "nul &#0; esc &#x1B; nonchar &#xFFFE;", "&#1;")))),
                HostileCase.body("bom-utf8", "encoding", "UTF-8 BOM before the XML declaration",
                        "Parsed normally (BOM not in title text)", OK, RSS,
                        x -> concat(bytes(0xEF, 0xBB, 0xBF), utf8(rss(item("bom8-1", UZBEK, "bom"))))),
                HostileCase.body("bom-utf16le", "encoding", "UTF-16LE with BOM and encoding=UTF-16 declaration",
                        "Parsed normally", OK, "application/rss+xml",
                        x -> concat(bytes(0xFF, 0xFE), utf16le(item("bom16-1", CYRILLIC, "bom16")))),
                HostileCase.body("bom-conflict", "encoding", "UTF-8 BOM but XML decl says UTF-16 and header says ISO-8859-1",
                        "BOM wins (parsed as UTF-8) or clean error; no crash", EITHER, "application/rss+xml; charset=iso-8859-1",
                        x -> concat(bytes(0xEF, 0xBB, 0xBF), utf8(rss(item("bomc-1", CYRILLIC, "x"), "Hostile lab feed", "",
                                "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n")))),
                HostileCase.body("utf16-no-bom", "encoding", "UTF-16LE without BOM (decl says UTF-16), no charset in header",
                        "Autodetected from '<\\0?\\0' (XML spec appendix F) or clean error", EITHER, "application/xml",
                        x -> utf16le(item("u16-1", CYRILLIC, "x"))));
    }

    /** An RSS document with {@code item}, declared UTF-16, encoded UTF-16LE without a BOM. */
    private static byte[] utf16le(String item) {
        return rss(item, "Hostile lab feed", "", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n")
                .getBytes(StandardCharsets.UTF_16LE);
    }

    /** A JSON Feed cut off inside a string value, followed by every byte value and more junk. */
    private static byte[] jsonGarbage() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        return concat(utf8("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"x\",\"items\":[{\"id\":\"1\",\"content_text\":"),
                all, bytes(0x00, 0xFF), utf8("{{{"));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
