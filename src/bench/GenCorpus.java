/*
 * GenCorpus — karvon's deterministic benchmark corpus (JDK only, no build step).
 *
 *   java src/bench/GenCorpus.java [--out DIR] [--seed S] [--small N] [--medium N] [--large N]
 *                                 [--poll-feeds N] [--no-poll-files] [--poll-base-url URL]
 *
 * Writes under DIR (default ./corpus):
 *   small/   NNN-<format>-<encoding>-<lang>.xml   30 feeds x 10 items
 *   medium/  ...                                   24 feeds x 50 items
 *   large/   ...                                    6 feeds x 500 items   (medium + large = 4,200 items)
 *   poll/feed/<n>.xml   the 10,000-feed polling set at revision 0: the bytes Upstream.java serves before its
 *                       first /advance (skipped with --no-poll-files)
 *   poll/feeds.yml      the polling set as the `sources:` block of a karvon feeds.yml (URLs to Upstream.java)
 *   MANIFEST.json       every file (format, encoding, language, items, bytes, sha256), per-set totals and a
 *                       fingerprint of the whole corpus
 *
 * Formats: RSS 2.0, Atom 1.0, RSS 1.0 (RDF). Encodings: UTF-8 (every 7th feed with a BOM) and windows-1251
 * (characters it cannot hold become numeric character references). Text: Russian, Uzbek Latin (U+02BB/U+02BC and
 * ASCII apostrophes), Chinese, Arabic and English, 30 % of items in another language than their feed, the odd emoji.
 * HTML content: paragraphs, links, images, lists, quotes, named and numeric entities, and hostile bits a sanitizer
 * must remove (script, iframe, style, object/form, on* attributes, javascript: and data: URLs). Dates in RFC 822 with
 * six zone spellings and RFC 3339 with Z or +05:00.
 *
 * Deterministic: every random choice comes from a SplittableRandom seeded with SHA-256 of (seed, what is being made),
 * so the same --seed gives byte-identical files on any machine and JDK, and a feed does not change when the number of
 * other feeds does. Upstream.java loads this file to serve the polling set (pollFeed, pollContentType,
 * pollLastModified are its API). The reference workload in the team's shared folder is similar in mix, counts and
 * sizes, but not byte-identical: this is karvon's own.
 */
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

public final class GenCorpus {
    static final int VERSION = 1;
    static final int POLL_FEEDS = 10_000;
    static final Instant BASE_TIME = Instant.parse("2024-06-01T12:00:00Z");

    enum Format {
        RSS2("rss2", "application/rss+xml"), ATOM("atom", "application/atom+xml"), RSS1("rss1", "application/rdf+xml");

        final String tag;
        final String mediaType;

        Format(String tag, String mediaType) {
            this.tag = tag;
            this.mediaType = mediaType;
        }
    }

    enum Lang {
        RU("ru", "ru", "новости город правительство экономика рынок технологии разработчики выпустили обновление "
                + "сегодня вчера компания проект данные сервер пользователи Москва Ташкент заявил министр рост цены "
                + "нефть погода спорт команда победа исследование учёные объявили программа безопасность ёж съезд "
                + "объём подъезд вьюга эксперимент"),
        UZ("uz", "uz-Latn", "Oʻzbekiston yangiliklar shahar hukumat iqtisodiyot bozor texnologiya dasturchilar "
                + "yangilanish tizim bugun kecha kompaniya loyiha maʼlumotlar foydalanuvchilar Toshkent vazir oʻsish "
                + "narxlar gʻalaba sport jamoa tadqiqot olimlar xavfsizlik qishloq choʻl Samarqand soʻm o'quvchilar "
                + "g'oya ta'lim maʼnaviyat sheʼr"),
        ZH("zh", "zh-CN", "新闻 城市 政府 经济 市场 技术 开发者 发布 更新 系统 今天 昨天 公司 项目 数据 服务器 用户 北京 "
                + "上海 塔什干 宣布 部长 增长 价格 石油 天气 体育 球队 胜利 研究 科学家 安全 版本"),
        AR("ar", "ar", "أخبار مدينة الحكومة الاقتصاد السوق التكنولوجيا المطورون أصدروا تحديث النظام اليوم أمس شركة "
                + "مشروع البيانات الخادم المستخدمين القاهرة دبي طشقند أعلن الوزير نمو الأسعار النفط الطقس الرياضة "
                + "الفريق فوز بحث العلماء الأمن إصدار"),
        EN("en", "en", "news city government economy market technology developers released update system today "
                + "yesterday company project data server users London Tashkent announced minister growth prices oil "
                + "weather sport team victory research scientists security version");

        final String tag;
        final String languageTag;
        final List<String> words;

        Lang(String tag, String languageTag, String words) {
            this.tag = tag;
            this.languageTag = languageTag;
            this.words = List.of(words.split(" "));
        }
    }

    static final List<Lang> LANGS = List.of(Lang.RU, Lang.UZ, Lang.ZH, Lang.AR, Lang.EN);
    /** windows-1251 feeds lean on what windows-1251 can hold (Uzbek's ʻ and English emoji become references). */
    static final List<Lang> CP1251_LANGS = List.of(Lang.RU, Lang.RU, Lang.UZ, Lang.EN);
    static final List<String> EMOJI = List.of("🚀", "📰", "🌍", "✅");
    static final List<String> RFC822_ZONES = List.of("+0000", "GMT", "+0500", "-0400", "+0300", "+0800");
    static final List<String> AUTHORS = List.of("Alisher Navoiy", "Иван Петров", "张伟", "محمد علي", "Oʻtkir Hoshimov",
            "editor@example.com (Editor)");
    static final Map<String, Integer> ITEMS_PER_FEED = Map.of("small", 10, "medium", 50, "large", 500);
    static final Map<String, Integer> DEFAULT_FEEDS = Map.of("small", 30, "medium", 24, "large", 6);
    static final List<String> SETS = List.of("small", "medium", "large");

    private GenCorpus() {
    }

    // ------------------------------------------------------------------ randomness

    /** A random stream fixed by its key. */
    static final class Rng {
        private final SplittableRandom r;

        Rng(String key) {
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
                long seed = 0;
                for (int i = 0; i < 8; i++) seed = (seed << 8) | (h[i] & 0xff);
                r = new SplittableRandom(seed);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** lo..hi inclusive. */
        int between(int lo, int hi) {
            return lo + r.nextInt(hi - lo + 1);
        }

        double unit() {
            return r.nextDouble();
        }

        <T> T pick(List<T> from) {
            return from.get(r.nextInt(from.size()));
        }
    }

    // ------------------------------------------------------------------ text

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String escAttr(String s) {
        return esc(s).replace("\"", "&quot;");
    }

    static String sentence(Rng rng, Lang lang, int lo, int hi) {
        int n = rng.between(lo, hi);
        List<String> ws = new ArrayList<>(n);
        for (int i = 0; i < n; i++) ws.add(rng.pick(lang.words));
        if (lang == Lang.ZH) {
            String s = String.join("", ws);
            s = s.substring(0, Math.max(4, s.length() - rng.between(0, 3)));
            return s + switch (rng.between(0, 2)) {
                case 0 -> "。";
                case 1 -> "！";
                default -> "，并且" + ws.get(0) + ws.get(n > 1 ? 1 : 0) + "。";
            };
        }
        String s = String.join(" ", ws);
        s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        if (lang == Lang.AR) return s + rng.pick(List.of(".", "،", "؟"));
        if (rng.unit() < 0.04) s += " " + rng.pick(EMOJI);
        return s + rng.pick(List.of(".", ".", "!", "?", " — " + rng.pick(lang.words) + "."));
    }

    private static final java.util.regex.Pattern END_PUNCTUATION = java.util.regex.Pattern.compile("[.!?。،؟]+$");

    static String headline(Rng rng, Lang lang, int lo, int hi) {
        return END_PUNCTUATION.matcher(sentence(rng, lang, lo, hi)).replaceAll("");
    }

    static Lang pickLang(Rng rng, Lang primary) {
        return rng.unit() < 0.7 ? primary : rng.pick(LANGS);
    }

    /** HTML paragraphs; xhtml keeps it well-formed XML (self-closed voids, numeric entities only). */
    static String html(Rng rng, Lang primary, int paragraphs, boolean xhtml, double hostileRate) {
        String nbsp = xhtml ? "&#160;" : "&nbsp;";
        String mdash = xhtml ? "&#8212;" : "&mdash;";
        String close = xhtml ? "/" : "";
        List<String> out = new ArrayList<>();
        for (int p = 0; p < paragraphs; p++) {
            Lang lang = pickLang(rng, primary);
            String text = esc(sentence(rng, lang, 8, 24));
            double r = rng.unit();
            if (r < 0.35) {
                String href = "https://example." + rng.pick(List.of("com", "uz", "ru", "cn")) + "/"
                        + rng.pick(List.of("a", "news", "p")) + "/" + rng.between(1, 99_999)
                        + (rng.unit() < 0.3 ? "?utm_source=feed&amp;ref=" + rng.between(1, 99) : "");
                String word = esc(rng.pick(lang.words));
                text = text + " <a href=\"" + href + "\" title=\"" + escAttr(word) + "\">" + word + "</a>" + nbsp + " " + mdash;
            } else if (r < 0.55) {
                text = "<strong>" + esc(rng.pick(lang.words)) + "</strong> " + text + " " + (xhtml ? "<br/>" : rng.pick(List.of("<br>", "<br/>")));
            }
            out.add("<p" + (lang == Lang.AR ? " dir=\"rtl\"" : "") + ">" + text + "</p>");
            if (rng.unit() < 0.3) {
                out.add("<img src=\"https://cdn.example.org/img/" + rng.between(1, 50_000) + ".jpg\" alt=\""
                        + escAttr(rng.pick(lang.words)) + "\" width=\"" + rng.pick(List.of(640, 800, 1200)) + "\" height=\""
                        + rng.pick(List.of(360, 450, 675)) + "\"" + close + ">");
            }
            if (rng.unit() < 0.1) {
                StringBuilder ul = new StringBuilder("<ul>");
                for (int i = rng.between(2, 4); i > 0; i--) ul.append("<li>").append(esc(sentence(rng, lang, 2, 5))).append("</li>");
                out.add(ul.append("</ul>").toString());
            }
            if (rng.unit() < 0.08) out.add("<blockquote><em>" + esc(sentence(rng, lang, 5, 14)) + "</em></blockquote>");
        }
        if (rng.unit() < hostileRate) {
            String word = esc(rng.pick(primary.words));
            String bad = switch (rng.between(0, 7)) {
                case 0 -> "<script type=\"text/javascript\">document.write(\"x\"+1);</script>";
                case 1 -> "<img src=\"https://cdn.example.org/px.gif\" onerror=\"alert(document.cookie)\" onload=\"track(1)\"" + close + ">";
                case 2 -> "<a href=\"javascript:alert(1)\" onclick=\"steal()\">" + word + "</a>";
                case 3 -> "<iframe src=\"https://ads.example.net/frame\" width=\"300\" height=\"250\"></iframe>";
                case 4 -> "<style>body{display:none}</style><div style=\"position:fixed;top:0\" onmouseover=\"x()\">" + word + "</div>";
                case 5 -> "<object data=\"https://ads.example.net/flash.swf\"></object><form action=\"https://evil.example\"><input name=\"q\"" + close + "></form>";
                case 6 -> "<a href=\" JaVaScRiPt:alert(2)\">" + word + "</a><svg onload=\"alert(3)\"><circle r=\"1\"" + close + "></svg>";
                default -> "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==\">" + word + "</a>";
            };
            out.add(rng.between(0, out.size()), bad);
        }
        return String.join("\n", out);
    }

    // ------------------------------------------------------------------ dates

    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss ", Locale.US);
    private static final DateTimeFormatter ISO_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static String rfc822(Instant at, Rng rng) {
        String zone = rng.pick(RFC822_ZONES);
        ZoneOffset offset = zone.equals("GMT") ? ZoneOffset.UTC : ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3));
        return RFC822.format(at.atOffset(offset)) + zone;
    }

    static String rfc3339(Instant at, Rng rng) {
        if (rng.unit() < 0.5) return ISO_Z.format(at);
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.ofHours(5)));
    }

    // ------------------------------------------------------------------ items and feeds

    /** HTML as XML text: CDATA or escaped (never CDATA in windows-1251 feeds, where references must stay live). */
    static String textNode(String html, boolean cdataAllowed, Rng rng) {
        if (cdataAllowed && !html.contains("]]>") && rng.unit() < 0.5) return "<![CDATA[" + html + "]]>";
        return esc(html);
    }

    /** One item; returns {xml, link}. */
    static String[] item(String seed, String key, int seq, Lang primary, Format fmt, boolean cp1251, Instant when, boolean rich) {
        Rng rng = new Rng(seed + ":item:" + key + ":" + seq);
        Lang lang = pickLang(rng, primary);
        String title = headline(rng, lang, 3, 9);
        String slug = key.replace(':', '-') + "-" + seq;
        String link = "https://news.example." + rng.pick(List.of("com", "uz", "ru")) + "/"
                + DateTimeFormatter.ofPattern("yyyy/MM", Locale.ROOT).format(when.atOffset(ZoneOffset.UTC)) + "/" + slug + ".html";
        String author = rng.pick(AUTHORS);
        TreeSet<String> cats = new TreeSet<>();
        for (int i = rng.between(0, 3); i > 0; i--) cats.add(rng.pick(lang.words));
        String summary = html(rng, primary, rng.between(1, 2), false, 0.15);
        String content = rich ? html(rng, primary, rng.between(3, 8), fmt == Format.ATOM, 0.3) : null;
        boolean cdata = !cp1251;
        StringBuilder x = new StringBuilder(4096);
        switch (fmt) {
            case RSS2 -> {
                x.append("<item>\n<title>").append(esc(title)).append("</title>\n<link>").append(link).append("</link>\n");
                if (rng.unit() < 0.3) x.append("<guid isPermaLink=\"false\">urn:karvon-bench:").append(slug).append("</guid>\n");
                else x.append("<guid>").append(link).append("</guid>\n");
                x.append("<pubDate>").append(rfc822(when, rng)).append("</pubDate>\n");
                x.append("<dc:creator>").append(esc(author)).append("</dc:creator>\n");
                for (String c : cats) x.append("<category>").append(esc(c)).append("</category>\n");
                x.append("<description>").append(textNode(summary, cdata, rng)).append("</description>\n");
                if (content != null) x.append("<content:encoded>").append(textNode(content, cdata, rng)).append("</content:encoded>\n");
                if (rng.unit() < 0.2) {
                    x.append("<enclosure url=\"https://cdn.example.org/media/").append(rng.between(1, 99_999)).append(".jpg\" length=\"")
                            .append(rng.between(10_000, 900_000)).append("\" type=\"image/jpeg\"/>\n");
                }
                if (rng.unit() < 0.2) {
                    x.append("<media:thumbnail url=\"https://cdn.example.org/thumb/").append(rng.between(1, 99_999))
                            .append(".jpg\" width=\"160\" height=\"90\"/>\n");
                }
                x.append("</item>");
            }
            case ATOM -> {
                x.append(rng.unit() < 0.2 ? "<entry>\n<title type=\"html\">" + esc(esc(title)) : "<entry>\n<title type=\"text\">" + esc(title))
                        .append("</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"").append(link).append("\"/>\n")
                        .append("<id>tag:example.com,2024:").append(slug).append("</id>\n")
                        .append("<published>").append(rfc3339(when, rng)).append("</published>\n")
                        .append("<updated>").append(rfc3339(when.plusSeconds(60L * rng.between(0, 90)), rng)).append("</updated>\n")
                        .append("<author><name>").append(esc(author)).append("</name></author>\n");
                for (String c : cats) x.append("<category term=\"").append(escAttr(c)).append("\"/>\n");
                x.append("<summary type=\"html\">").append(esc(summary)).append("</summary>\n");
                if (content != null) {
                    if (rng.unit() < 0.4) {
                        x.append("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">").append(content).append("</div></content>\n");
                    } else {
                        x.append("<content type=\"html\">").append(textNode(content, cdata, rng)).append("</content>\n");
                    }
                }
                x.append("</entry>");
            }
            case RSS1 -> {
                x.append("<item rdf:about=\"").append(link).append("\">\n<title>").append(esc(title)).append("</title>\n<link>")
                        .append(link).append("</link>\n<dc:date>").append(rfc3339(when, rng)).append("</dc:date>\n<dc:creator>")
                        .append(esc(author)).append("</dc:creator>\n");
                for (String c : cats) x.append("<dc:subject>").append(esc(c)).append("</dc:subject>\n");
                x.append("<description>").append(textNode(summary, cdata, rng)).append("</description>\n");
                if (content != null) x.append("<content:encoded>").append(textNode(content, cdata, rng)).append("</content:encoded>\n");
                x.append("</item>");
            }
        }
        return new String[] {x.toString(), link};
    }

    /** Publication time of item {@code seq}: 37 minutes apart, with a little jitter. */
    static Instant itemTime(int seq) {
        return BASE_TIME.plusSeconds(60L * (37L * seq + (seq * 7919L) % 31));
    }

    /** A whole feed; {@code seqs} are item numbers, newest first; {@code updated} null = from the newest item. */
    static byte[] feed(String seed, String key, Format fmt, boolean cp1251, Lang primary, int[] seqs, boolean rich, boolean bom,
                       Instant updated) {
        Rng rng = new Rng(seed + ":feed:" + key);
        String title = headline(rng, primary, 2, 5);
        String site = "https://" + key.replace(':', '-') + ".example." + rng.pick(List.of("com", "uz", "ru")) + "/";
        String desc = sentence(rng, primary, 5, 14);
        List<String> items = new ArrayList<>(seqs.length);
        StringBuilder seqLi = new StringBuilder();
        int newest = 0;
        for (int seq : seqs) {
            String[] it = item(seed, key, seq, primary, fmt, cp1251, itemTime(seq), rich);
            items.add(it[0]);
            seqLi.append("<rdf:li rdf:resource=\"").append(it[1]).append("\"/>");
            newest = Math.max(newest, seq);
        }
        Instant last = updated != null ? updated : BASE_TIME.plusSeconds(60L * (37L * newest + 45));
        StringBuilder d = new StringBuilder(1024 + items.size() * 3000);
        d.append("<?xml version=\"1.0\" encoding=\"").append(cp1251 ? "windows-1251" : "UTF-8").append("\"?>\n");
        String body = String.join("\n", items);
        switch (fmt) {
            case RSS2 -> d.append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" ")
                    .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\" ")
                    .append("xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n<title>").append(esc(title))
                    .append("</title>\n<link>").append(site).append("</link>\n<description>").append(esc(desc))
                    .append("</description>\n<language>").append(primary.languageTag).append("</language>\n")
                    .append("<atom:link href=\"").append(site).append("feed.rss\" rel=\"self\" type=\"application/rss+xml\"/>\n")
                    .append("<lastBuildDate>").append(RFC822.format(last.atOffset(ZoneOffset.UTC))).append("+0000</lastBuildDate>\n")
                    .append("<generator>karvon GenCorpus ").append(VERSION).append("</generator>\n<ttl>30</ttl>\n")
                    .append("<image><url>").append(site).append("logo.png</url><title>").append(esc(title)).append("</title><link>")
                    .append(site).append("</link></image>\n").append(body).append("\n</channel>\n</rss>\n");
            case ATOM -> d.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(primary.languageTag)
                    .append("\">\n<title>").append(esc(title)).append("</title>\n<subtitle>").append(esc(desc)).append("</subtitle>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(site).append("\"/>\n")
                    .append("<link rel=\"self\" href=\"").append(site).append("feed.atom\"/>\n<id>").append(site).append("</id>\n")
                    .append("<updated>").append(ISO_Z.format(last)).append("</updated>\n<generator>karvon GenCorpus</generator>\n")
                    .append(body).append("\n</feed>\n");
            case RSS1 -> d.append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" ")
                    .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n")
                    .append("<channel rdf:about=\"").append(site).append("feed.rdf\">\n<title>").append(esc(title)).append("</title>\n<link>")
                    .append(site).append("</link>\n<description>").append(esc(desc)).append("</description>\n<dc:language>")
                    .append(primary.languageTag).append("</dc:language>\n<dc:date>").append(ISO_Z.format(last)).append("</dc:date>\n")
                    .append("<items><rdf:Seq>").append(seqLi).append("</rdf:Seq></items>\n</channel>\n").append(body).append("\n</rdf:RDF>\n");
        }
        byte[] data = cp1251 ? Cp1251.encode(d) : d.toString().getBytes(StandardCharsets.UTF_8);
        if (bom && !cp1251) {
            byte[] withBom = new byte[data.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(data, 0, withBom, 3, data.length);
            return withBom;
        }
        return data;
    }

    /** windows-1251 with numeric character references for what it cannot hold (Python's xmlcharrefreplace). */
    static final class Cp1251 {
        private static final Charset CHARSET = Charset.forName("windows-1251");
        private static final byte[] BYTE = new byte[65536];
        private static final boolean[] MAPPED = new boolean[65536];

        static {
            for (int b = 0; b < 256; b++) {
                String s = new String(new byte[] {(byte) b}, CHARSET);
                char c = s.charAt(0);
                if (c != '\uFFFD') {
                    BYTE[c] = (byte) b;
                    MAPPED[c] = true;
                }
            }
        }

        static byte[] encode(CharSequence s) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
            for (int i = 0; i < s.length(); ) {
                int cp = Character.codePointAt(s, i);
                i += Character.charCount(cp);
                if (cp < 65536 && MAPPED[cp]) out.write(BYTE[cp]);
                else out.writeBytes(("&#" + cp + ";").getBytes(StandardCharsets.US_ASCII));
            }
            return out.toByteArray();
        }
    }

    /** Format, encoding, language and BOM of feed {@code idx} of a size set: every combination turns up. */
    record Spec(Format format, boolean cp1251, Lang lang, boolean bom) {
        static Spec of(int idx) {
            Format fmt = Format.values()[idx % 3];
            boolean cp1251 = (idx / 3) % 2 == 1;
            Lang lang = cp1251 ? CP1251_LANGS.get((idx / 6) % CP1251_LANGS.size()) : LANGS.get((idx / 6 + idx) % LANGS.size());
            return new Spec(fmt, cp1251, lang, !cp1251 && idx % 7 == 5);
        }

        String fileName(int idx) {
            return String.format(Locale.ROOT, "%03d-%s-%s-%s.xml", idx, format.tag, cp1251 ? "cp1251" : bom ? "utf8bom" : "utf8", lang.tag);
        }
    }

    // ------------------------------------------------------------------ the polling set (Upstream.java's API)

    /** Format, encoding, language and item count of polling feed {@code n}. */
    record PollMeta(Format format, boolean cp1251, Lang lang, int items) {
        static PollMeta of(String seed, int n) {
            Rng rng = new Rng(seed + ":pollmeta:" + n);
            Format fmt = rng.pick(List.of(Format.RSS2, Format.RSS2, Format.RSS2, Format.ATOM, Format.ATOM, Format.RSS1));
            boolean cp1251 = rng.unit() < 0.15;
            Lang lang = rng.pick(cp1251 ? CP1251_LANGS : LANGS);
            return new PollMeta(fmt, cp1251, lang, rng.between(10, 20));
        }
    }

    /** Last-Modified of polling feed {@code n} at revision {@code rev}, epoch seconds: an hour per revision. */
    public static long pollLastModified(int n, int rev) {
        return BASE_TIME.getEpochSecond() + rev * 3600L + (n * 7L) % 3600;
    }

    /** Content-Type of polling feed {@code n}, e.g. {@code application/rss+xml; charset=windows-1251}. */
    public static String pollContentType(String seed, int n) {
        PollMeta m = PollMeta.of(seed, n);
        return m.format.mediaType + "; charset=" + (m.cp1251 ? "windows-1251" : "utf-8");
    }

    /** Bytes of polling feed {@code n} at revision {@code rev}: its newest k items, one more per revision. */
    public static byte[] pollFeed(String seed, int n, int rev) {
        PollMeta m = PollMeta.of(seed, n);
        int[] seqs = IntStream.iterate(rev + m.items - 1, s -> s >= rev, s -> s - 1).toArray();
        return feed(seed, "poll:" + n, m.format, m.cp1251, m.lang, seqs, false, false, Instant.ofEpochSecond(pollLastModified(n, rev)));
    }

    /** The polling set as the sources block of a karvon feeds.yml. */
    public static String pollSourcesYaml(String seed, int feeds, String baseUrl) {
        StringBuilder y = new StringBuilder(feeds * 60);
        y.append("# ").append(feeds).append(" sources served by src/bench/Upstream.java (seed ").append(seed).append(")\nsources:\n");
        for (int n = 0; n < feeds; n++) {
            y.append(String.format(Locale.ROOT, "  - id: poll-%05d\n    url: %s/feed/%d.xml\n", n, baseUrl, n));
        }
        return y.toString();
    }

    // ------------------------------------------------------------------ main

    record Entry(String path, int bytes, String sha256, String set, String format, String encoding, String lang, int items) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new LinkedHashMap<>();
        opt.put("out", "corpus");
        opt.put("seed", "karvon-1");
        opt.put("poll-feeds", Integer.toString(POLL_FEEDS));
        opt.put("poll-base-url", "http://127.0.0.1:8181");
        DEFAULT_FEEDS.forEach((k, v) -> opt.put(k, v.toString()));
        boolean pollFiles = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-poll-files")) {
                pollFiles = false;
            } else if (a.startsWith("--") && opt.containsKey(a.substring(2)) && i + 1 < args.length) {
                opt.put(a.substring(2), args[++i]);
            } else {
                System.err.println("usage: java src/bench/GenCorpus.java [--out DIR] [--seed S] [--small N] [--medium N] [--large N]"
                        + " [--poll-feeds N] [--no-poll-files] [--poll-base-url URL]\ngencorpus: unknown or incomplete argument: " + a);
                System.exit(2);
            }
        }
        String seed = opt.get("seed");
        Path out = Path.of(opt.get("out"));
        List<Entry> manifest = new ArrayList<>();
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (String set : SETS) {
            int count = Integer.parseInt(opt.get(set));
            int items = ITEMS_PER_FEED.get(set);
            int[] seqs = IntStream.iterate(items - 1, s -> s >= 0, s -> s - 1).toArray();
            List<Entry> entries = IntStream.range(0, count).parallel().mapToObj(idx -> {
                Spec spec = Spec.of(idx);
                byte[] data = feed(seed, set + ":" + idx, spec.format, spec.cp1251, spec.lang, seqs, true, spec.bom, null);
                String name = spec.fileName(idx);
                write(out.resolve(set).resolve(name), data);
                return new Entry(set + "/" + name, data.length, sha256(data), set, spec.format.tag,
                        spec.cp1251 ? "windows-1251" : "utf-8", spec.lang.tag, items);
            }).toList();
            manifest.addAll(entries);
            long bytes = entries.stream().mapToLong(Entry::bytes).sum();
            totals.put(set, new long[] {count, (long) count * items, bytes});
            System.err.printf(Locale.ROOT, "%-6s %5d feeds %7d items %10d bytes%n", set, count, count * items, bytes);
        }
        int pollFeeds = Integer.parseInt(opt.get("poll-feeds"));
        write(out.resolve("poll").resolve("feeds.yml"), pollSourcesYaml(seed, pollFeeds, opt.get("poll-base-url")).getBytes(StandardCharsets.UTF_8));
        if (pollFiles) {
            List<Entry> entries = IntStream.range(0, pollFeeds).parallel().mapToObj(n -> {
                PollMeta m = PollMeta.of(seed, n);
                byte[] data = pollFeed(seed, n, 0);
                write(out.resolve("poll").resolve("feed").resolve(n + ".xml"), data);
                return new Entry("poll/feed/" + n + ".xml", data.length, sha256(data), "poll", m.format.tag,
                        m.cp1251 ? "windows-1251" : "utf-8", m.lang.tag, m.items);
            }).toList();
            manifest.addAll(entries);
            long items = entries.stream().mapToLong(Entry::items).sum();
            long bytes = entries.stream().mapToLong(Entry::bytes).sum();
            totals.put("poll", new long[] {pollFeeds, items, bytes});
            System.err.printf(Locale.ROOT, "poll   %5d feeds %7d items %10d bytes (revision 0)%n", pollFeeds, items, bytes);
        }
        StringBuilder all = new StringBuilder();
        manifest.forEach(e -> all.append(e.path).append(e.sha256));
        String fingerprint = sha256(all.toString().getBytes(StandardCharsets.UTF_8));
        write(out.resolve("MANIFEST.json"), manifestJson(seed, fingerprint, totals, manifest).getBytes(StandardCharsets.UTF_8));
        System.err.println("fingerprint " + fingerprint + " -> " + out);
    }

    static String manifestJson(String seed, String fingerprint, Map<String, long[]> totals, List<Entry> files) {
        StringBuilder j = new StringBuilder(files.size() * 200);
        j.append("{\n \"generator\": \"karvon src/bench/GenCorpus.java\",\n \"generator_version\": ").append(VERSION)
                .append(",\n \"seed\": ").append(jsonString(seed)).append(",\n \"fingerprint\": \"").append(fingerprint).append("\",\n \"sets\": {");
        String sep = "\n";
        for (var t : totals.entrySet()) {
            j.append(sep).append("  \"").append(t.getKey()).append("\": {\"files\": ").append(t.getValue()[0]).append(", \"items\": ")
                    .append(t.getValue()[1]).append(", \"bytes\": ").append(t.getValue()[2]).append('}');
            sep = ",\n";
        }
        j.append("\n },\n \"files\": [");
        sep = "\n";
        for (Entry e : files) {
            j.append(sep).append("  {\"path\": ").append(jsonString(e.path)).append(", \"bytes\": ").append(e.bytes)
                    .append(", \"sha256\": \"").append(e.sha256).append("\", \"set\": \"").append(e.set).append("\", \"format\": \"")
                    .append(e.format).append("\", \"encoding\": \"").append(e.encoding).append("\", \"lang\": \"").append(e.lang)
                    .append("\", \"items\": ").append(e.items).append('}');
            sep = ",\n";
        }
        return j.append("\n ]\n}\n").toString();
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException("gencorpus: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
