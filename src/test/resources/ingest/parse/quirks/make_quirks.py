#!/usr/bin/env python3
"""Writes the quirk fixtures, one small feed per quirk, and quirks.tsv, what karvon must make of each.

Run from this directory: python3 make_quirks.py. Fixtures are written byte-exact (encodings, BOMs, stray bytes).
They were built from the specs (RSS 0.90-2.0, RSS 1.0, Atom 0.3 and RFC 4287, CDF, Media RSS, iTunes, RFC 822,
ISO 8601, XML 1.0 appendix F) and from the classes of breakage feedparser documents; none is copied from a
test suite. Each fixture's folder is its class; quirks.tsv holds one row per fixture:

    class/file <TAB> content type or - <TAB> check <TAB> check ...

A check is evaluated on the JSON Feed line `karvon parse --base-url BASE` prints for the file (BASE below):
    path = value      equal (paths are dot-separated: items.0.authors.0.name, _karvon.tags.1)
    path ~ value      contains
    path !~ value     does not contain
    ! path            absent
    path #= n         array of n elements
    error ~ value     the feed is refused, with this in the message (hostile inputs)
FeedParserQuirksTest runs every row; src/bench/quirk-corpus.sh counts them per class.
"""
import base64
import os

BASE = "https://quirks.example/feeds/main.xml"
ROWS = []


def w(cls, name, data, *checks, ctype="-"):
    os.makedirs(cls, exist_ok=True)
    with open(os.path.join(cls, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    ROWS.append("\t".join([f"{cls}/{name}", ctype, *checks]))


def rss(items, channel="", decl='<?xml version="1.0" encoding="utf-8"?>\n', ns="", title="Quirks", version="2.0"):
    return (f'{decl}<rss version="{version}"{ns}><channel><title>{title}</title><link>https://quirks.example/</link>'
            f"<description>Feed of quirks</description>{channel}\n{items}\n</channel></rss>\n")


def item(title="First", link="https://quirks.example/1", pub="Sat, 21 Jun 2025 12:22:00 +0500", extra=""):
    p = f"<pubDate>{pub}</pubDate>" if pub else ""
    l = f"<link>{link}</link>" if link else ""
    return f"<item><title>{title}</title>{l}{p}{extra}</item>"


def atom(entries, feed_extra="", ns='xmlns="http://www.w3.org/2005/Atom"', title="Atom quirks", attrs=""):
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed {ns}{attrs}><title>{title}</title><id>tag:quirks.example,2025:feed</id>'
            f'<updated>2025-06-21T12:22:00Z</updated><link href="https://quirks.example/"/>{feed_extra}\n{entries}\n</feed>\n')


def entry(body, title="Entry", link="https://quirks.example/e/1", updated="2025-06-21T12:22:00Z"):
    return (f"<entry><title>{title}</title><id>{link}</id><link href=\"{link}\"/><updated>{updated}</updated>{body}</entry>")


T = "items.0.title = First"
D = "items.0.date_published = 2025-06-21T07:22:00Z"
NS_DC = ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
NS_MEDIA = ' xmlns:media="http://search.yahoo.com/mrss/"'
NS_ITUNES = ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'

# ---------------------------------------------------------------- ill-formed XML, recovered
full = rss(item() + item("Second", "https://quirks.example/2"))
w("illformed", "truncated-before-closing-tags.xml", full[: full.index("</channel>")], T, "items.1.title = Second", "title = Quirks")
w("illformed", "truncated-inside-end-tag.xml", full[: full.index("</rss>") + 5], T, "items #= 2")
cut = full.index("Second") + 3
w("illformed", "truncated-inside-item.xml", full[:cut], T, D, "items.1.title = Sec")
a = atom(entry("<content type=\"html\">&lt;p&gt;Body&lt;/p&gt;</content>") + entry("<summary>Half", title="Cut", link="https://quirks.example/e/2"))
w("illformed", "truncated-atom-entry.xml", a[: a.index("Half") + 4], "items.0.content_html = <p>Body</p>", "items.1.title = Cut")
w("illformed", "unescaped-less-than-in-title.xml", rss(item("a < b, b > c")), "items.0.title = a < b, b > c")
w("illformed", "mismatched-end-tag.xml", rss(item(extra="<description>Text <b>bold</description>")), T, "items.0.content_text ~ Text")
w("illformed", "stray-end-tag.xml", rss(item(extra="</span><description>After a stray end tag</description>")),
  T, "items.0.content_text = After a stray end tag")
w("illformed", "unquoted-attribute.xml", rss(item(extra="<enclosure url=https://quirks.example/a.mp3 length=1024 type=audio/mpeg/>")),
  "items.0.attachments.0.url = https://quirks.example/a.mp3")
w("illformed", "duplicate-attribute.xml", rss(item(extra='<enclosure url="https://quirks.example/a.mp3" url="https://quirks.example/b.mp3" type="audio/mpeg" length="1"/>')),
  "items.0.attachments.0.url = https://quirks.example/a.mp3")
w("illformed", "garbage-after-root.xml", rss(item()) + "<div>Generated in 0.02s</div><p>debug</p>", T)
w("illformed", "two-roots-second-ignored.xml", rss(item()) + rss(item("Other")).split("\n", 1)[1], T, "items #= 1")
w("illformed", "php-warning-before-root-no-prolog.xml", "<br />\n<b>Warning</b>: Cannot modify header information in <b>/var/www/feed.php</b><br />\n"
  + rss(item(), decl=""), T, "title = Quirks")
w("illformed", "whitespace-before-prolog.xml", "\n\n  \t" + rss(item()), T)
w("illformed", "doctype-xhtml-before-rss.xml",
  '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
  + rss(item(), decl=""), T, "title = Quirks")
w("illformed", "doctype-html5-before-atom.xml", "<!DOCTYPE html>\n" + atom(entry("")).split("\n", 1)[1], "items.0.title = Entry")
w("illformed", "doctype-internal-subset-never-expanded.xml",
  '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY sig "EXPANDED">\n<!ELEMENT rss ANY>\n]>\n' + rss(item("Signed &sig;"), decl=""),
  "items.0.title = Signed", "items.0.title !~ EXPANDED")
w("illformed", "doctype-external-dtd-never-fetched.xml",
  '<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/never-fetched.dtd">\n' + rss(item(), decl=""), T)
w("illformed", "naked-markup-in-title.xml", rss(item("<b>Bold</b> item")).replace("<title>Quirks</title>", "<title><p>Feed Title</p></title>"),
  "title = Feed Title", "items.0.title = Bold item")
w("illformed", "naked-markup-in-description.xml", rss(item(extra="<description><p>Para <em>one</em></p></description>")),
  "items.0.content_html = <p>Para <em>one</em></p>")
w("illformed", "naked-markup-in-atom-summary.xml", atom(entry('<summary type="html"><p>Naked <b>html</b></p></summary>')),
  "items.0.content_html = <p>Naked <b>html</b></p>")
w("illformed", "undeclared-itunes-prefix.xml", rss(item(extra="<itunes:author>Ann Author</itunes:author>")), "items.0.authors.0.name = Ann Author")
w("illformed", "undeclared-media-prefix.xml", rss(item(extra='<media:thumbnail url="https://quirks.example/t.jpg"/>')),
  "items.0.image = https://quirks.example/t.jpg")
w("illformed", "undeclared-dc-prefix.xml", rss(item(pub=None, extra="<dc:creator>Bob</dc:creator><dc:date>2025-06-21T12:22:00+05:00</dc:date>")),
  "items.0.authors.0.name = Bob", D)
w("illformed", "undeclared-content-prefix.xml", rss(item(extra="<content:encoded><![CDATA[<p>Full <i>text</i></p>]]></content:encoded>")),
  "items.0.content_html = <p>Full <i>text</i></p>")
w("illformed", "undeclared-unknown-prefix.xml", rss(item(extra="<foo:bar>ignored</foo:bar>")), T, D)
w("illformed", "undeclared-prefix-and-truncated.xml", rss(item(extra="<itunes:author>Ann</itunes:author>"))[:-25],
  T, "items.0.authors.0.name = Ann")
w("illformed", "namespace-uri-with-spaces.xml", rss(item(extra="<dc:creator>Spaced</dc:creator>"), ns=' xmlns:dc=" http://purl.org/dc/elements/1.1/ "'),
  "items.0.authors.0.name = Spaced")
w("illformed", "namespace-uri-no-trailing-slash.xml", rss(item(extra='<media:thumbnail url="https://quirks.example/m.jpg"/>'), ns=' xmlns:media="http://search.yahoo.com/mrss"'),
  "items.0.image = https://quirks.example/m.jpg")
w("illformed", "namespace-uri-https.xml", rss(item(extra="<dc:creator>Secure</dc:creator>"), ns=' xmlns:dc="https://purl.org/dc/elements/1.1/"'),
  "items.0.authors.0.name = Secure")
w("illformed", "namespace-uri-other-case.xml", rss(item(extra='<itunes:author>Cased</itunes:author>'), ns=' xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"'),
  "items.0.authors.0.name = Cased")
w("illformed", "atom-namespace-trailing-slash.xml", atom(entry(""), ns='xmlns="http://www.w3.org/2005/Atom/"'), "title = Atom quirks", "items.0.title = Entry")
w("illformed", "atom-in-prefixed-namespace.xml",
  '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Prefixed</a:title><a:entry><a:title>E</a:title><a:id>urn:x:1</a:id>'
  '<a:link href="https://quirks.example/p/1"/><a:updated>2025-06-21T12:22:00Z</a:updated></a:entry></a:feed>',
  "title = Prefixed", "items.0.url = https://quirks.example/p/1")
for f, checks in [("../../bare-ampersand.xml", ["items.0.title = Tom & Jerry & friends & co"]),
                  ("../../nbsp-entity.xml", ["items.0.title ~ «Toshkent»"]),
                  ("../../control-chars.xml", ["items.0.title = Control chars gone here 😀"]),
                  ("../../leading-garbage.xml", ["items.0.title = Leading garbage ok"]),
                  ("../../doctype-netscape-rss091.xml", ["items.0.title = Café naïve été"])]:
    ROWS.append("\t".join([f"illformed/{f}", "-", *checks]))

# ---------------------------------------------------------------- dialects
w("dialect", "atom-unknown-namespace.xml",
  '<feed version="0.3" xmlns="http://example.com/newformat#"><title>Vendor Atom</title>'
  '<entry><title>Vendor entry</title><link rel="alternate" href="https://quirks.example/v/1"/><issued>2025-06-21T12:22:00+05:00</issued></entry></feed>',
  "title = Vendor Atom", "items.0.title = Vendor entry", "items.0.url = https://quirks.example/v/1", D)
w("dialect", "atom-no-namespace.xml",
  '<feed><title>Bare Atom</title><entry><title>Bare entry</title><link href="https://quirks.example/b/1"/><updated>2025-06-21T07:22:00Z</updated></entry></feed>',
  "title = Bare Atom", "items.0.url = https://quirks.example/b/1", D)
w("dialect", "atom-pre-standard-namespace.xml", atom(entry("<summary>draft</summary>"), ns='xmlns="http://purl.org/atom/ns#draft-ietf-atompub-format-08"'),
  "title = Atom quirks", "items.0.content_text = draft")
w("dialect", "atom03.xml",
  '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Atom 0.3</title><tagline>Old tagline</tagline>'
  '<link rel="alternate" type="text/html" href="https://quirks.example/"/><modified>2025-06-21T12:22:00Z</modified>'
  '<entry><title>Old</title><link rel="alternate" type="text/html" href="https://quirks.example/o/1"/><id>urn:o:1</id>'
  '<issued>2025-06-21T12:22:00+05:00</issued><modified>2025-06-21T13:00:00+05:00</modified></entry></feed>',
  "title = Atom 0.3", "description = Old tagline", "items.0.url = https://quirks.example/o/1", D)
w("dialect", "rss090.xml",
  '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">'
  '<channel><title>RSS 0.90</title><link>https://quirks.example/</link><description>old</description></channel>'
  '<item><title>Ninety</title><link>https://quirks.example/90</link></item></rdf:RDF>',
  "title = RSS 0.90", "items.0.title = Ninety", "items.0.url = https://quirks.example/90")
w("dialect", "rss091-userland.xml", rss(item(), version="0.91", decl=""), T)
w("dialect", "rss092-enclosure.xml", rss(item(extra='<enclosure url="https://quirks.example/a.mp3" length="99" type="audio/mpeg"/>'), version="0.92"),
  "items.0.attachments.0.mime_type = audio/mpeg")
w("dialect", "rss093.xml", rss(item(), version="0.93"), T)
w("dialect", "rss094.xml", rss(item(), version="0.94"), T)
w("dialect", "rss-without-version.xml", rss(item()).replace(' version="2.0"', ""), T, "title = Quirks")
w("dialect", "rss-odd-version.xml", rss(item(), version="2.0.1"), T)
w("dialect", "rss-userland-default-namespace.xml", rss(item(), ns=' xmlns="http://backend.userland.com/rss2"'), T, D)
w("dialect", "rss-harvard-default-namespace.xml", rss(item(), ns=' xmlns="http://blogs.law.harvard.edu/tech/rss"'), T)
w("dialect", "rss10-items-without-namespace.xml",
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel rdf:about="https://quirks.example/">'
  '<title>RDF bare</title><link>https://quirks.example/</link><description>d</description></channel>'
  '<item rdf:about="https://quirks.example/r/1"><title>Bare RDF item</title><link>https://quirks.example/r/1</link></item></rdf:RDF>',
  "title = RDF bare", "items.0.title = Bare RDF item")
w("dialect", "cdf-uppercase.xml",
  '<?xml version="1.0"?>\n<CHANNEL HREF="https://quirks.example/" LASTMOD="2025-06-21T07:00">\n<TITLE>CDF channel</TITLE>'
  '<ABSTRACT>Channel abstract</ABSTRACT>\n<ITEM HREF="https://quirks.example/c/1" LASTMOD="2025-06-21T12:22:00+05:00">'
  "<TITLE>CDF item</TITLE><ABSTRACT>Item abstract</ABSTRACT></ITEM>\n</CHANNEL>\n",
  "title = CDF channel", "description = Channel abstract", "home_page_url = https://quirks.example/",
  "items.0.title = CDF item", "items.0.url = https://quirks.example/c/1", "items.0.content_text = Item abstract", D)
w("dialect", "cdf-lowercase-nested.xml",
  '<channel href="https://quirks.example/"><title>cdf</title><channel><item href="https://quirks.example/c/2"><title>Nested</title></item></channel></channel>',
  "items.0.title = Nested")
for f, checks in [("../../rss10-rdf.xml", ["items.0.title = 经济新闻"]), ("../../atom03.xml", ["items.0.title = Старый формат Atom"]),
                  ("../../jsonfeed-10.json", ["items.0.url = https://j.example.uz/42"])]:
    ROWS.append("\t".join([f"dialect/{f}", "-", *checks]))

# ---------------------------------------------------------------- content constructs: text, html, xhtml, modes
w("content", "atom10-title-text-angle-brackets.xml", atom(entry("", title='<![CDATA[a <b> c]]>').replace("<title><![CDATA", '<title type="text"><![CDATA')),
  "items.0.title = a <b> c")
w("content", "atom10-title-html-unescaped-once.xml", atom(entry("", title="AT&amp;amp;amp;T &lt;b&gt;bold&lt;/b&gt;").replace("<title>AT", '<title type="html">AT')),
  "items.0.title = AT&amp;T bold")
w("content", "atom10-title-xhtml.xml",
  atom(entry("", title='<div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> &amp;amp; title</div>').replace("<title><div", '<title type="xhtml"><div')),
  "items.0.title = A bold &amp; title")
w("content", "atom10-content-html.xml", atom(entry('<content type="html">&lt;p&gt;Escaped &amp;amp; once&lt;/p&gt;</content>')),
  "items.0.content_html = <p>Escaped &amp; once</p>", "items.0.content_text = Escaped & once")
w("content", "atom10-content-xhtml.xml", atom(entry('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Real <i>xhtml</i> &amp;lt;</p></div></content>')),
  "items.0.content_html = <p>Real <i>xhtml</i> &amp;lt;</p>")
w("content", "atom10-content-text.xml", atom(entry('<content type="text">x &lt;b&gt; stays text</content>')),
  "items.0.content_text = x <b> stays text", "items.0.content_html = <p>x &lt;b&gt; stays text</p>")
w("content", "atom10-summary-and-content.xml", atom(entry('<summary>Short</summary><content type="html">&lt;p&gt;Long&lt;/p&gt;</content>')),
  "items.0.summary ~ Short", "items.0.content_html = <p>Long</p>")
w("content", "atom10-title-untyped-is-text.xml", atom(entry("", title="Untyped &lt;b&gt; stays")), "items.0.title = Untyped <b> stays")
w("content", "atom10-content-untyped-is-text.xml", atom(entry("<content>x &lt;i&gt; y</content>")), "items.0.content_text = x <i> y")
w("content", "atom10-content-mime-html.xml", atom(entry('<content type="text/html">&lt;p&gt;mime&lt;/p&gt;</content>')),
  "items.0.content_html = <p>mime</p>")
a03 = lambda body: ('<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>A03</title><entry><title>E</title>'
                    f'<link rel="alternate" href="https://quirks.example/a03"/><issued>2025-06-21T12:22:00+05:00</issued>{body}</entry></feed>')
w("content", "atom03-content-mode-escaped.xml", a03('<content type="text/html" mode="escaped">&lt;p&gt;Escaped&lt;/p&gt;</content>'),
  "items.0.content_html = <p>Escaped</p>")
b64 = base64.b64encode("<p>Base64 <b>body</b> &amp; more</p>".encode()).decode()
w("content", "atom03-content-mode-base64.xml", a03(f'<content type="text/html" mode="base64">{b64}</content>'),
  "items.0.content_html = <p>Base64 <b>body</b> &amp; more</p>")
b64t = base64.b64encode("plain <text> & more".encode()).decode()
w("content", "atom03-content-mode-base64-text.xml", a03(f'<content type="text/plain" mode="base64">{b64t}</content>'),
  "items.0.content_text = plain <text> & more")
w("content", "atom03-content-mode-xml.xml", a03('<content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>xml</b></p></div></content>'),
  "items.0.content_html = <p>Inline <b>xml</b></p>")
w("content", "atom03-content-default-mode-text.xml", a03('<content type="text/plain">Fish &amp; chips</content>'),
  "items.0.content_text = Fish & chips")
w("content", "atom03-title-escaped.xml", a03("").replace("<title>E</title>", '<title type="text/html" mode="escaped">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; co</title>'),
  "items.0.title = Bold & co")
w("content", "rss-description-escaped-html.xml", rss(item(extra="<description>&lt;p&gt;Escaped &amp;amp; once&lt;/p&gt;</description>")),
  "items.0.content_html = <p>Escaped &amp; once</p>")
w("content", "rss-description-double-escaped.xml", rss(item(extra="<description>&amp;lt;b&amp;gt; shown as text</description>")),
  "items.0.content_text = <b> shown as text")
w("content", "rss-title-escaped-tag-is-text.xml", rss(item("&lt;/example&gt;")), "items.0.title = </example>")
w("content", "rss-title-cdata-char-reference.xml", rss(item(), title="<![CDATA[Jenny&#8217;s Newsletter]]>"), "title = Jenny’s Newsletter")
w("content", "rss-description-cdata.xml", rss(item(extra="<description><![CDATA[<p>In <b>CDATA</b></p>]]></description>")),
  "items.0.content_html = <p>In <b>CDATA</b></p>")
w("content", "rss-content-encoded-and-description.xml",
  rss(item(extra="<description>Teaser</description><content:encoded><![CDATA[<p>Full</p>]]></content:encoded>"), ns=' xmlns:content="http://purl.org/rss/1.0/modules/content/"'),
  "items.0.content_html = <p>Full</p>", "items.0.summary = Teaser")

# ---------------------------------------------------------------- encodings
def enc_rss(title, enc, decl=True):
    return rss(item(title), decl=f'<?xml version="1.0" encoding="{enc}"?>\n' if decl else "")

for name, codec, label, text in [
        ("utf16be-bom.xml", "utf-16-be", "UTF-16", "Ўзбекистон UTF-16BE"),
        ("utf16le-bom-declared-utf16.xml", "utf-16-le", "UTF-16", "العربية UTF-16LE")]:
    bom = b"\xfe\xff" if codec.endswith("be") else b"\xff\xfe"
    w("encoding", name, bom + enc_rss(text, label).encode(codec), f"items.0.title = {text}")
w("encoding", "utf16be-no-bom.xml", enc_rss("Ҳаво UTF-16BE", "UTF-16").encode("utf-16-be"), "items.0.title = Ҳаво UTF-16BE")
w("encoding", "utf16le-no-bom-no-prolog.xml", rss(item("Без пролога"), decl="").encode("utf-16-le"), "items.0.title = Без пролога")
w("encoding", "utf16be-no-bom-no-prolog.xml", rss(item("中文 без"), decl="").encode("utf-16-be"), "items.0.title = 中文 без")
w("encoding", "utf32le-bom.xml", b"\xff\xfe\x00\x00" + enc_rss("UTF-32LE 😀", "UTF-32").encode("utf-32-le"), "items.0.title = UTF-32LE 😀")
w("encoding", "utf32be-bom.xml", b"\x00\x00\xfe\xff" + enc_rss("UTF-32BE ☀", "UTF-32").encode("utf-32-be"), "items.0.title = UTF-32BE ☀")
w("encoding", "utf32le-no-bom.xml", enc_rss("UTF-32LE без BOM", "UTF-32").encode("utf-32-le"), "items.0.title = UTF-32LE без BOM")
w("encoding", "utf32be-no-bom-no-prolog.xml", rss(item("UTF-32BE bare"), decl="").encode("utf-32-be"), "items.0.title = UTF-32BE bare")
w("encoding", "utf8-bom-prolog-iso-8859-1.xml", b"\xef\xbb\xbf" + enc_rss("Café ñandú", "ISO-8859-1").encode("utf-8"), "items.0.title = Café ñandú")
w("encoding", "utf16le-bom-prolog-utf8.xml", b"\xff\xfe" + enc_rss("Ёлка", "UTF-8").encode("utf-16-le"), "items.0.title = Ёлка")
w("encoding", "stray-windows-1252-byte-in-utf8.xml", enc_rss("Don’t panic — the weather in London is fine «ok»", "UTF-8").encode("utf-8").replace("’".encode(), b"\x92"),
  "items.0.title = Don’t panic — the weather in London is fine «ok»")
w("encoding", "stray-bytes-in-ascii-utf8.xml", enc_rss("Xq Hello Xq", "utf-8").encode("utf-8").replace(b"Xq Hello Xq", b"\x93Hello\x94 \x96 caf\xe9"),
  "items.0.title = “Hello” – café")
w("encoding", "stray-byte-invalid-in-shift-jis.xml", enc_rss("日本XX語", "Shift_JIS").encode("shift_jis").replace(b"XX", b"\x85\x40"),
  "items.0.title ~ 日本", "items.0.title ~ 語")
w("encoding", "iso-8859-1-declared-windows-1252-quotes.xml", enc_rss("“Quoted” – dash… €5", "ISO-8859-1").encode("cp1252"), "items.0.title = “Quoted” – dash… €5")
w("encoding", "us-ascii-declared-high-bytes.xml", enc_rss("Naïve café", "us-ascii").encode("cp1252"), "items.0.title = Naïve café")
w("encoding", "windows-1252-declared.xml", enc_rss("Smörgåsbord “quoted”", "windows-1252").encode("cp1252"), "items.0.title = Smörgåsbord “quoted”")
w("encoding", "windows-1251-declared.xml", enc_rss("Правительство Узбекистана", "windows-1251").encode("cp1251"), "items.0.title = Правительство Узбекистана")
w("encoding", "windows-1251-undeclared.xml", rss(item("Новости из Ташкента сегодня"), decl="").encode("cp1251"), "items.0.title = Новости из Ташкента сегодня")
w("encoding", "windows-1250-declared.xml", enc_rss("Zażółć gęślą jaźń", "windows-1250").encode("cp1250"), "items.0.title = Zażółć gęślą jaźń")
w("encoding", "windows-1253-declared.xml", enc_rss("Ελληνικά νέα", "windows-1253").encode("cp1253"), "items.0.title = Ελληνικά νέα")
w("encoding", "windows-1254-declared.xml", enc_rss("Türkçe haberler ığ", "windows-1254").encode("cp1254"), "items.0.title = Türkçe haberler ığ")
w("encoding", "windows-1256-declared.xml", enc_rss("أخبار اليوم", "windows-1256").encode("cp1256"), "items.0.title = أخبار اليوم")
w("encoding", "iso-8859-2-declared.xml", enc_rss("Příliš žluťoučký kůň", "ISO-8859-2").encode("iso8859_2"), "items.0.title = Příliš žluťoučký kůň")
w("encoding", "iso-8859-5-declared.xml", enc_rss("Кириллица ISO", "ISO-8859-5").encode("iso8859_5"), "items.0.title = Кириллица ISO")
w("encoding", "iso-8859-7-declared.xml", enc_rss("Ελληνικά ISO", "ISO-8859-7").encode("iso8859_7"), "items.0.title = Ελληνικά ISO")
w("encoding", "iso-8859-9-declared.xml", enc_rss("Şehir haberleri", "ISO-8859-9").encode("iso8859_9"), "items.0.title = Şehir haberleri")
w("encoding", "iso-8859-15-declared.xml", enc_rss("Prix: 5€ œuvre", "ISO-8859-15").encode("iso8859_15"), "items.0.title = Prix: 5€ œuvre")
w("encoding", "koi8-u-declared.xml", enc_rss("Їжа і ґанок", "KOI8-U").encode("koi8_u"), "items.0.title = Їжа і ґанок")
w("encoding", "koi8-r-undeclared.xml", rss(item("Правительство объявило новые меры"), decl="").encode("koi8_r"), "items.0.title = Правительство объявило новые меры")
w("encoding", "big5-declared.xml", enc_rss("新聞標題：經濟增長", "Big5").encode("big5"), "items.0.title = 新聞標題：經濟增長")
w("encoding", "gbk-declared.xml", enc_rss("经济新闻：增长", "GBK").encode("gbk"), "items.0.title = 经济新闻：增长")
w("encoding", "gb18030-declared-four-byte.xml", enc_rss("汉字 𠀀 ㊣", "GB18030").encode("gb18030"), "items.0.title = 汉字 𠀀 ㊣")
w("encoding", "shift-jis-declared.xml", enc_rss("日本語のニュース", "Shift_JIS").encode("shift_jis"), "items.0.title = 日本語のニュース")
w("encoding", "shift-jis-undeclared.xml", rss(item("日本語のニュースです。今日は良い天気ですね。"), decl="").encode("shift_jis"),
  "items.0.title = 日本語のニュースです。今日は良い天気ですね。")
w("encoding", "euc-kr-declared.xml", enc_rss("한국어 뉴스", "EUC-KR").encode("euc_kr"), "items.0.title = 한국어 뉴스")
w("encoding", "header-charset-over-prolog.xml", enc_rss("Заголовок", "ISO-8859-1").encode("cp1251"), "items.0.title = Заголовок",
  ctype="application/rss+xml; charset=windows-1251")
for f, checks in [("../../utf16le-bom.xml", ["items.0.title = UTF-16 sarlavha Ўзбек"]), ("../../utf16le-no-bom.xml", ["items.0.title = UTF-16 BOMsiz"]),
                  ("../../koi8r.xml", ["items.0.title = Правительство объявило"]), ("../../gb18030.xml", ["items.0.title = 新闻标题：经济增长"]),
                  ("../../windows-1251-prolog-no-header.xml", ["items.0.title = Новости Ташкента: «погода»"])]:
    ROWS.append("\t".join([f"encoding/{f}", "-", *checks]))

# ---------------------------------------------------------------- fields: people, iTunes, Media RSS, language, first wins, URLs
w("fields", "rss-author-email-then-name.xml", rss(item(extra="<author>jane@example.org (Jane Doe)</author>")),
  "items.0.authors.0.name = Jane Doe", "items.0.authors.0._karvon.email = jane@example.org", "items.0.authors.0.url = mailto:jane@example.org")
w("fields", "rss-author-name-then-email.xml", rss(item(extra="<author>Jane Doe &lt;jane@example.org&gt;</author>")),
  "items.0.authors.0.name = Jane Doe", "items.0.authors.0._karvon.email = jane@example.org")
w("fields", "rss-author-email-only.xml", rss(item(extra="<author>desk@example.org</author>")),
  "! items.0.authors.0.name", "items.0.authors.0._karvon.email = desk@example.org")
w("fields", "dc-creator.xml", rss(item(extra="<dc:creator>Dilnoza Rahimova</dc:creator>"), ns=NS_DC), "items.0.authors.0.name = Dilnoza Rahimova")
w("fields", "dc-author.xml", rss(item(extra="<dc:author>Aziz Karimov</dc:author>"), ns=NS_DC), "items.0.authors.0.name = Aziz Karimov")
w("fields", "itunes-author.xml", rss(item(extra="<itunes:author>Podcaster</itunes:author>"), ns=NS_ITUNES), "items.0.authors.0.name = Podcaster")
w("fields", "several-authors-document-order.xml", rss(item(extra="<dc:creator>One</dc:creator><author>two@example.org (Two)</author>"), ns=NS_DC),
  "items.0.authors.0.name = One", "items.0.authors.1.name = Two")
w("fields", "feed-managing-editor.xml", rss(item(), channel="<managingEditor>editor@example.org (The Editor)</managingEditor>"),
  "authors.0.name = The Editor", "authors.0._karvon.email = editor@example.org")
w("fields", "feed-webmaster-only.xml", rss(item(), channel="<webMaster>web@example.org (Web Master)</webMaster>"), "authors.0.name = Web Master")
w("fields", "feed-dc-creator-and-itunes-author.xml", rss(item(), channel="<dc:creator>Desk</dc:creator><itunes:author>Show</itunes:author>", ns=NS_DC + NS_ITUNES),
  "authors.0.name = Desk", "authors.1.name = Show")
w("fields", "atom-author-name-email-uri.xml",
  atom(entry("<author><name>Ali Valiyev</name><email>ali@example.org</email><uri>https://quirks.example/ali</uri></author>")),
  "items.0.authors.0.name = Ali Valiyev", "items.0.authors.0.url = https://quirks.example/ali", "items.0.authors.0._karvon.email = ali@example.org")
w("fields", "atom-feed-author.xml", atom(entry(""), feed_extra="<author><name>Feed Author</name></author>"), "authors.0.name = Feed Author")
w("fields", "atom-contributor.xml", atom(entry("<author><name>A</name></author><contributor><name>Helper</name></contributor>")),
  "items.0._karvon.contributors.0.name = Helper", "items.0.authors #= 1")
w("fields", "atom03-author-url.xml",
  '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title><entry><title>E</title><link rel="alternate" href="https://quirks.example/x"/>'
  '<author><name>Old Author</name><url>https://quirks.example/old</url></author></entry></feed>',
  "items.0.authors.0.name = Old Author", "items.0.authors.0.url = https://quirks.example/old")
w("fields", "rss-author-person-elements.xml", rss(item(extra='<author><name>Foo Bar</name><title>Vice President</title><company>FooBar Inc.</company></author>')),
  "items.0.authors.0.name = Foo Bar")
w("fields", "rss-author-with-markup.xml", rss(item(extra='<author>by <a class="author" href="/author/foo">Foo Bar</a></author>')),
  "items.0.authors.0.name = by Foo Bar")
w("fields", "itunes-owner-feed-author.xml",
  rss(item(), channel="<itunes:owner><itunes:name>John Doe</itunes:name><itunes:email>john@example.org</itunes:email></itunes:owner>", ns=NS_ITUNES),
  "authors.0.name = John Doe", "authors.0._karvon.email = john@example.org")
w("fields", "googleplay-author.xml", rss(item(extra="<googleplay:author>Player</googleplay:author>"), ns=' xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0"'),
  "items.0.authors.0.name = Player")
w("fields", "dc-title-only.xml", rss("<item><dc:title>Only DC title</dc:title><link>https://quirks.example/dc</link></item>", ns=NS_DC),
  "items.0.title = Only DC title")
w("fields", "rss-item-atom-link.xml", rss("<item><title>t</title><atom:link rel=\"alternate\" href=\"https://quirks.example/atom-link\"/></item>",
  ns=' xmlns:atom="http://www.w3.org/2005/Atom"'), "items.0.url = https://quirks.example/atom-link")
w("fields", "feedburner-origlink.xml", rss(item(link="https://feeds.example/~r/x/1", extra="<feedburner:origLink>https://quirks.example/original</feedburner:origLink>"),
  ns=' xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"'), "items.0.url = https://quirks.example/original")
w("fields", "itunes-summary-as-description.xml", rss(item(extra="<itunes:summary>Episode summary</itunes:summary>"), ns=NS_ITUNES),
  "items.0.content_text = Episode summary")
w("fields", "itunes-subtitle-as-description.xml", rss(item(extra="<itunes:subtitle>Episode subtitle</itunes:subtitle>"), ns=NS_ITUNES),
  "items.0.content_text = Episode subtitle")
w("fields", "itunes-summary-not-over-description.xml", rss(item(extra="<description>Core</description><itunes:summary>iTunes</itunes:summary>"), ns=NS_ITUNES),
  "items.0.content_text = Core")
w("fields", "itunes-feed-summary-as-description.xml", rss(item(), ns=NS_ITUNES).replace("<description>Feed of quirks</description>", "<itunes:summary>Show notes</itunes:summary>"),
  "description = Show notes")
w("fields", "itunes-image.xml", rss(item(extra='<itunes:image href="https://quirks.example/ep.jpg"/>'), channel='<itunes:image href="https://quirks.example/show.jpg"/>', ns=NS_ITUNES),
  "icon = https://quirks.example/show.jpg", "items.0.image = https://quirks.example/ep.jpg")
w("fields", "itunes-category-nested.xml",
  rss(item(extra='<itunes:category text="News"/>'), channel='<itunes:category text="Technology"><itunes:category text="Podcasting"/></itunes:category>', ns=NS_ITUNES),
  "_karvon.tags.0 = Technology", "_karvon.tags.1 = Podcasting", "items.0.tags.0 = News")
w("fields", "rss-image-as-icon.xml", rss(item(), channel="<image><url>https://quirks.example/logo.png</url><title>t</title><link>https://quirks.example/</link></image>"),
  "icon = https://quirks.example/logo.png")
w("fields", "atom-icon.xml", atom(entry(""), feed_extra="<icon>/favicon.png</icon>"), "icon = https://quirks.example/favicon.png")
w("fields", "media-title.xml", rss(item(title="", extra="<media:title>Media title</media:title>"), ns=NS_MEDIA).replace("<title></title>", ""),
  "items.0.title = Media title")
w("fields", "media-description.xml", rss(item(extra="<media:description>Media description</media:description>"), ns=NS_MEDIA),
  "items.0.content_text = Media description")
w("fields", "media-thumbnail.xml", rss(item(extra='<media:thumbnail url="https://quirks.example/thumb.jpg" width="75"/>'), ns=NS_MEDIA),
  "items.0.image = https://quirks.example/thumb.jpg")
w("fields", "media-category.xml", rss(item(extra='<media:category scheme="urn:x">Sport</media:category>'), ns=NS_MEDIA), "items.0.tags.0 = Sport")
w("fields", "media-group.xml",
  rss(item(extra='<media:group><media:title>Grouped</media:title><media:content url="https://quirks.example/v.mp4" type="video/mp4" fileSize="2048"/>'
               '<media:thumbnail url="https://quirks.example/g.jpg"/><media:description>In a group</media:description></media:group>'), ns=NS_MEDIA),
  "items.0.attachments.0.url = https://quirks.example/v.mp4", "items.0.attachments.0.size_in_bytes = 2048",
  "items.0.image = https://quirks.example/g.jpg", "items.0.content_text = In a group")
w("fields", "media-content-thumbnail-inside.xml",
  rss(item(extra='<media:content url="https://quirks.example/p.jpg" medium="image"><media:thumbnail url="https://quirks.example/p-small.jpg"/></media:content>'), ns=NS_MEDIA),
  "items.0.image = https://quirks.example/p-small.jpg", "items.0.attachments.0.mime_type = image/*")
w("fields", "dc-language-channel.xml", rss(item(), channel="<dc:language>uz-Latn</dc:language>", ns=NS_DC), "language = uz-Latn")
w("fields", "dc-language-item.xml", rss(item("Новости из Ташкента сегодня", extra="<dc:language>ru</dc:language>"), channel="<language>en</language>", ns=NS_DC),
  "language = en", "items.0.language = ru")
w("fields", "xml-lang-inherited.xml", atom(entry("<content>Bugun Toshkentda ob-havo issiq boʻladi va yomgʻir yogʻmaydi.</content>", title="Ob-havo"), attrs=' xml:lang="uz-latn"'), "language = uz-Latn", "items.0.language = uz-Latn")
w("fields", "xml-lang-entry-overrides.xml", atom(entry("<content>Текст новости о погоде в городе.</content>", title="Новости").replace("<entry>", '<entry xml:lang="ru">'), attrs=' xml:lang="en"'),
  "items.0.language = ru")
w("fields", "xml-lang-content-overrides.xml", atom(entry('<content xml:lang="tg">Ин матни тоҷикӣ аст ва дар бораи шаҳри Душанбе ҳикоя мекунад.</content>', title="Хабари тоҷикӣ"), attrs=' xml:lang="en"'), "items.0.language = tg")
w("fields", "first-title-wins.xml", rss("<item><title>First</title><title>Second</title><link>https://quirks.example/1</link></item>"), T)
w("fields", "first-link-wins.xml", rss("<item><title>t</title><link>https://quirks.example/first</link><link>https://quirks.example/second</link></item>"),
  "items.0.url = https://quirks.example/first")
w("fields", "first-date-wins.xml", rss(item(pub="Sat, 21 Jun 2025 12:22:00 +0500", extra="<dc:date>2020-01-01T00:00:00Z</dc:date>"), ns=NS_DC), D)
w("fields", "first-readable-date-wins.xml", rss(item(pub="someday", extra="<dc:date>2025-06-21T12:22:00+05:00</dc:date>"), ns=NS_DC), D)
w("fields", "first-description-wins.xml", rss(item(extra="<description>One</description><description>Two</description>")), "items.0.content_text = One")
w("fields", "xml-base-nested-relative.xml",
  atom(entry('<content type="html">&lt;img src="pic.png"&gt;</content>', link="c.html").replace("<entry>", '<entry xml:base="b/">'),
       attrs=' xml:base="https://base.example/a/"'),
  "items.0.url = https://base.example/a/b/c.html", 'items.0.content_html = <img src="https://base.example/a/b/pic.png">')
w("fields", "xml-base-on-content.xml",
  atom(entry('<content type="html" xml:base="https://media.example/x/">&lt;img src="y.png"&gt;</content>')),
  'items.0.content_html = <img src="https://media.example/x/y.png">')
w("fields", "relative-link-against-feed-url.xml", rss(item(link="/news/1")), "items.0.url = https://quirks.example/news/1")
w("fields", "relative-query-against-feed-url.xml", rss(item(link="?id=7")), "items.0.url = https://quirks.example/feeds/main.xml?id=7")
w("fields", "relative-enclosure-against-feed-url.xml", rss(item(extra='<enclosure url="media/a.mp3" type="audio/mpeg" length="5"/>')),
  "items.0.attachments.0.url = https://quirks.example/feeds/media/a.mp3")
w("fields", "relative-image-in-description.xml", rss(item(link="https://quirks.example/story/9", extra='<description>&lt;img src="/img/9.jpg"&gt;</description>')),
  'items.0.content_html = <img src="https://quirks.example/img/9.jpg">')

# ---------------------------------------------------------------- dates
def dated(name, text, expected):
    checks = [f"items.0.date_published = {expected}"] if expected else ["! items.0.date_published"]
    w("dates", name, rss(item(pub=text)), *checks)

dated("rfc822-named-zone-est.xml", "Sat, 21 Jun 2025 12:22:00 EST", "2025-06-21T17:22:00Z")
dated("rfc822-named-zone-msk.xml", "Sat, 21 Jun 2025 12:22:00 MSK", "2025-06-21T09:22:00Z")
dated("rfc822-named-zone-uzt.xml", "Sat, 21 Jun 2025 12:22:00 UZT", "2025-06-21T07:22:00Z")
dated("rfc822-named-zone-met.xml", "Thu, 30 Apr 2015 08:57:00 MET", "2015-04-30T07:57:00Z")
dated("rfc822-military-zone.xml", "Sat, 21 Jun 2025 12:22:00 N", "2025-06-21T11:22:00Z")
dated("rfc822-no-weekday-no-seconds.xml", "21 Jun 2025 12:22 +0500", "2025-06-21T07:22:00Z")
dated("rfc822-two-digit-year.xml", "Sat, 21 Jun 25 12:22:00 GMT", "2025-06-21T12:22:00Z")
dated("rfc822-extra-comma.xml", "Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00Z")
dated("rfc822-gmt-offset.xml", "Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T23:41:00Z")
dated("iso8601-extended.xml", "2025-06-21T12:22:00+05:00", "2025-06-21T07:22:00Z")
dated("iso8601-basic.xml", "20250621T122200+0500", "2025-06-21T07:22:00Z")
dated("iso8601-week-date.xml", "2025-W25-6T12:22:00Z", "2025-06-21T12:22:00Z")
dated("iso8601-ordinal-date.xml", "2025-172T12:22Z", "2025-06-21T12:22:00Z")
dated("iso8601-reduced-year-month.xml", "2025-06", "2025-05-31T19:00:00Z")
dated("iso8601-comma-fraction.xml", "2025-06-21T12:22:00,75Z", "2025-06-21T12:22:00Z")
dated("iso8601-space-no-zone.xml", "2025-06-21 12:22:00", "2025-06-21T07:22:00Z")
dated("asctime.xml", "Sat Jun 21 12:22:00 2025", "2025-06-21T07:22:00Z")
dated("unix-date-output.xml", "Sat Jun 21 12:22:00 UTC 2025", "2025-06-21T12:22:00Z")
dated("unix-date-gmt-offset.xml", "Sat Jun 21 12:22:00 GMT+0500 2025", "2025-06-21T07:22:00Z")
dated("russian-genitive.xml", "21 июня 2025 г., 12:22", "2025-06-21T07:22:00Z")
dated("uzbek-latin-yil.xml", "21-iyun, 2025-yil 12:22", "2025-06-21T07:22:00Z")
dated("uzbek-cyrillic.xml", "21 июн 2025 йил 12:22", "2025-06-21T07:22:00Z")
dated("kazakh.xml", "21 маусым 2025 ж. 12:22", "2025-06-21T07:22:00Z")
dated("kyrgyz-year-first.xml", "2025-жылдын 21-июну 12:22", "2025-06-21T07:22:00Z")
dated("tajik.xml", "21 июни соли 2025, 12:22", "2025-06-21T07:22:00Z")
dated("turkmen.xml", "21-nji iýun 2025 ý. 12:22", "2025-06-21T07:22:00Z")
dated("azerbaijani.xml", "21 iyun 2025-ci il 12:22", "2025-06-21T07:22:00Z")
dated("turkish.xml", "21 Haziran 2025 Cumartesi 12:22".replace(" Cumartesi", ""), "2025-06-21T07:22:00Z")
dated("arabic-two-word-month.xml", "٢١ كانون الثاني ٢٠٢٥ - 12:22", "2025-01-21T07:22:00Z")
dated("arabic-one-word-month.xml", "السبت، 21 يونيو 2025", "2025-06-20T19:00:00Z")
dated("unreadable-date-absent.xml", "when the cows come home", None)
w("dates", "unreadable-date-flagged.xml", rss(item(pub="31 Febtober 2025")), "! items.0.date_published", "items.0._karvon.flags.0 = date-invalid")
w("dates", "missing-date-flagged.xml", rss(item(pub=None)), "! items.0.date_published", "items.0._karvon.flags.0 = date-missing")
w("dates", "future-date-kept-and-flagged.xml", rss(item(pub="Sat, 21 Jun 2098 12:22:00 GMT")),
  "items.0.date_published = 2098-06-21T12:22:00Z", "items.0._karvon.flags.0 = date-future")
w("dates", "atom-updated-only.xml", atom(entry("", updated="2025-06-21T12:22:00+05:00")), D)
w("dates", "cdf-lastmod.xml", '<CHANNEL><ITEM HREF="https://quirks.example/l" LASTMOD="2025-06-21T12:22:00+05:00"><TITLE>x</TITLE></ITEM></CHANNEL>', D)

# ---------------------------------------------------------------- text: bidi marks, Uzbek apostrophes
w("text", "bidi-marks-kept.xml", rss(item("مرحبا\u200f 2025\u061c Salom\u200e!", extra="<description>نص\u200f عربي</description>"), channel="<language>ar</language>"),
  "items.0.title = مرحبا\u200f 2025\u061c Salom\u200e!", "items.0.content_text = نص\u200f عربي")
w("text", "uzbek-apostrophes-every-field.xml",
  rss(item("O'zbekiston g`alabasi", extra=("<description>&lt;p&gt;Ta'lim vazirligi ma’lumot berdi. &lt;a href=\"https://quirks.example/o'z\"&gt;Bog'lanish&lt;/a&gt; "
                                         "&lt;code&gt;it's code&lt;/code&gt; https://kun.uz/o'zbek&lt;/p&gt;</description>"
                                         "<category>Ta'lim</category><author>g'ayrat@example.org (G'ayrat O'rinov)</author>")),
      channel="<language>uz</language>"),
  "items.0.title = Oʻzbekiston gʻalabasi", "items.0.content_html ~ Taʼlim vazirligi maʼlumot berdi.", "items.0.content_html ~ Bogʻlanish</a>",
  "items.0.content_html ~ href=\"https://quirks.example/o'z\"", "items.0.content_html ~ <code>it's code</code>",
  "items.0.content_html ~ https://kun.uz/o'zbek", "items.0.tags.0 = Taʼlim", "items.0.authors.0.name = Gʻayrat Oʻrinov",
  "items.0.content_text ~ Taʼlim vazirligi")
w("text", "uzbek-cyrillic-quotes-untouched.xml", rss(item("'Тошкент' хабарлари"), channel="<language>uz-Cyrl</language>"),
  "items.0.title = 'Тошкент' хабарлари")
w("text", "english-apostrophes-untouched.xml", rss(item("It's O'Brien's day"), channel="<language>en</language>"), "items.0.title = It's O'Brien's day")

# ---------------------------------------------------------------- safety: still refused or defanged
for f, check in [("../../billion-laughs.xml", "error ~ entity-expansion"), ("../../xxe-file.xml", "items.0.title = XXE []")]:
    ROWS.append("\t".join([f"safety/{f}", "-", check]))
w("safety", "xxe-parameter-entity.xml",
  '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; <!ENTITY leak SYSTEM "file:///etc/hostname">]>\n'
  + rss(item("Leak [&leak;]"), decl=""), "items.0.title = Leak []")
w("safety", "quadratic-blowup.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "' + "x" * 5000 + '">]>\n' + rss(item("&a;" * 50), decl=""),
  "error ~ entity-expansion")
w("safety", "script-in-recovered-document.xml", rss(item(extra="<description>&lt;script&gt;alert(1)&lt;/script&gt;&lt;p onclick=\"x()\"&gt;Safe&lt;/p&gt;</description>"))[:-30],
  "items.0.content_html = <p>Safe</p>")
w("safety", "javascript-link-dropped.xml", rss(item(link="javascript:alert(1)")), "! items.0.url")
w("safety", "xinclude-not-followed.xml", rss(item(extra='<xi:include href="file:///etc/passwd" parse="text"/>')), T, "items.0.content_text !~ root")

with open("quirks.tsv", "w", encoding="utf-8") as f:
    f.write("# generated by make_quirks.py: fixture<TAB>content type<TAB>checks...\n")
    for r in ROWS:
        f.write(r + "\n")
print(len(ROWS), "rows")
