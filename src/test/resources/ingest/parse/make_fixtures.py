#!/usr/bin/env python3
"""Writes the byte-exact parse fixtures (encodings, BOMs, control bytes are hard to keep in an editor).
Run from this directory: python3 make_fixtures.py. Each file is named after the quirk it reproduces."""

def rss(title, extra_item="", pub="Sat, 21 Jun 2025 12:22:00 +0500", link="https://kun.uz/news/1", decl='<?xml version="1.0" encoding="{enc}"?>', enc="UTF-8", channel_extra=""):
    return (decl.format(enc=enc) + "\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n"
            "<channel><title>Kanal</title><link>https://kun.uz/</link><description>d</description>" + channel_extra + "\n"
            f"<item><title>{title}</title><link>{link}</link><pubDate>{pub}</pubDate>{extra_item}</item>\n"
            "</channel></rss>\n")

def w(name, data):
    with open(name, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

w("windows-1251-prolog-no-header.xml", rss("Новости Ташкента: «погода»", enc="windows-1251").encode("cp1251"))
w("header-utf8-body-windows-1251.xml", rss("Ёлка в Ташкенте", enc="windows-1251").encode("cp1251"))
w("charset-header-lie-no-prolog.xml", rss("Съезд учёных", decl='<?xml version="1.0"?>').encode("cp1251"))
w("text-xml-no-charset-utf8.xml", rss("Oʻzbekiston gʻalabasi va Ўзбекистон", decl='<?xml version="1.0"?>'))
w("koi8r.xml", rss("Правительство объявило", enc="KOI8-R").encode("koi8_r"))
w("gb18030.xml", rss("新闻标题：经济增长", enc="GB2312").encode("gb2312"))
w("big5.xml", rss("新聞標題：經濟增長", enc="Big5").encode("big5"))
w("utf16le-bom.xml", b"\xff\xfe" + rss("UTF-16 sarlavha Ўзбек", enc="UTF-16").encode("utf-16-le"))
w("utf16le-no-bom.xml", rss("UTF-16 BOMsiz", enc="UTF-16").encode("utf-16-le"))
w("utf8-bom-decl-utf16.xml", b"\xef\xbb\xbf" + rss("BOM gʻolib", enc="UTF-16").encode("utf-8"))
w("invalid-utf8.xml", rss("Bad XX bytes").encode("utf-8").replace(b"XX", b"\xc3\x28 \xc0\xaf \xed\xa0\x80 \xff"))
w("nbsp-entity.xml", rss("Salom&nbsp;dunyo &mdash; &laquo;Toshkent&raquo; &hellip; &NBSP;x &eacute;"))
w("bare-ampersand.xml", rss("Tom & Jerry &amp; friends & co", link="https://kun.uz/news?id=1&lang=uz"))
w("leading-garbage.xml", "\n\n   <br>PHP Warning: headers already sent\n" + rss("Leading garbage ok"))
w("control-chars.xml", rss("Con\x01trol\x0b chars\x1b &#0;gone&#x1B; &#xFFFE;here &#x1F600;"))
w("doctype-netscape-rss091.xml", ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
  '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/_cb/rss-0.91.dtd">\n'
  '<rss version="0.91"><channel><title>Netscape &amp; co</title><link>http://example.com/</link>'
  '<description>old</description><language>en-us</language>\n'
  '<item><title>Caf\xe9 na\xefve &eacute;t&eacute;</title><link>http://example.com/1</link>'
  '<description>First &amp; only</description></item>\n</channel></rss>\n').encode("latin-1"))
w("billion-laughs.xml", '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
  + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i-1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
  + ']>\n<rss version="2.0"><channel><title>&lol9;</title><link>https://x.uz/</link><description>d</description>'
  '<item><title>Laughs &lol9;end</title><link>https://x.uz/1</link><pubDate>Sat, 21 Jun 2025 12:22:00 GMT</pubDate></item></channel></rss>\n')
w("xxe-file.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY % pe SYSTEM "http://127.0.0.1:9/_cb/xxe-pe.dtd"> %pe; ]>\n'
  '<rss version="2.0"><channel><title>t</title><link>https://x.uz/</link><description>d</description>'
  '<item><title>XXE [&xxe;]</title><link>https://x.uz/1</link><description>&xxe;</description>'
  '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/></item></channel></rss>\n')
w("atom03.xml", '<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="ru-ru">\n'
  '<title>Atom 0.3 лента</title><link rel="alternate" type="text/html" href="https://old.example.ru/"/>\n'
  '<modified>2025-06-21T12:22:00Z</modified>\n'
  '<entry><title>Старый формат Atom</title><link rel="alternate" type="text/html" href="https://old.example.ru/a/1"/>'
  '<id>tag:old.example.ru,2025:1</id><issued>2025-06-21T10:00:00+03:00</issued><modified>2025-06-21T11:00:00+03:00</modified>'
  '<author><name>Иван Петров</name></author><content type="text/html" mode="escaped">&lt;p&gt;Текст&lt;/p&gt;</content></entry>\n</feed>\n')
w("rss10-rdf.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
  '<channel rdf:about="https://rdf.example.cn/"><title>RDF 频道</title><link>https://rdf.example.cn/</link><description>d</description><dc:language>zh-cn</dc:language>'
  '<items><rdf:Seq><rdf:li rdf:resource="https://rdf.example.cn/1"/></rdf:Seq></items></channel>\n'
  '<item rdf:about="https://rdf.example.cn/1"><title>经济新闻</title><link>https://rdf.example.cn/1</link>'
  '<dc:date>2025-06-21T12:22:00+08:00</dc:date><dc:creator>王伟</dc:creator><dc:subject>经济</dc:subject><description>&lt;b&gt;正文&lt;/b&gt;</description></item>\n</rdf:RDF>\n')
w("jsonfeed-10.json", '{"version":"https://jsonfeed.org/version/1","title":"JSON 1.0","home_page_url":"https://j.example.uz/",'
  '"feed_url":"https://j.example.uz/feed.json","items":[{"id":42,"url":"https://j.example.uz/42","title":"Maʼlumotlar <b>yangi</b>",'
  '"content_text":"Birinchi qator\\nIkkinchi","date_published":"2025-06-21T12:22:00+05:00","author":{"name":"Aziz","url":"https://j.example.uz/aziz"},'
  '"tags":["sport","sport","iqtisod"],"image":"/img/42.jpg"}]}')
w("jsonfeed-11.json", '{"version":"https://jsonfeed.org/version/1.1","title":"JSON 1.1","home_page_url":"https://j.example.ar/","language":"ar",'
  '"items":[{"id":"a1","url":"https://j.example.ar/a1","external_url":"https://elsewhere.example/x","title":"أخبار الاقتصاد",'
  '"content_html":"<p onclick=\\"x()\\">نص <script>alert(1)</script><a href=\\"javascript:alert(1)\\">رابط</a></p>","summary":"ملخص",'
  '"date_published":"٢٠٢٥-٠٦-٢١T12:22:00Z","date_modified":"2025-06-22T08:00:00Z","authors":[{"name":"علي"}],"language":"ar-EG",'
  '"attachments":[{"url":"https://j.example.ar/a1.mp3","mime_type":"audio/mpeg","size_in_bytes":12345}]}]}')
w("html-page.html", '<!DOCTYPE html>\n<html><head><title>Kun.uz</title>\n'
  '<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss">\n'
  '<link rel="alternate" type="application/atom+xml" href="https://kun.uz/atom.xml">\n'
  '<link rel="alternate" type="application/feed+json" href="feed.json">\n'
  '<link rel="stylesheet" href="/s.css"></head><body><h1>Hello</h1></body></html>\n')
w("xml-base-relative.atom", '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.uz/uz/">\n'
  '<title type="html">Blog &lt;b&gt;uz&lt;/b&gt;</title><link href="./" rel="alternate"/><link href="feed.atom" rel="self"/><id>urn:x</id><updated>2025-06-21T12:22:00Z</updated>\n'
  '<entry xml:base="posts/" xml:lang="uz-latn"><title>Nisbiy havola</title><link href="1.html"/><id>urn:x:1</id>'
  '<published>2025-06-21T10:00:00+05:00</published><updated>2025-06-21T11:00:00+05:00</updated>'
  '<content type="html">&lt;p&gt;&lt;img src="../img/a.jpg" alt="a"&gt; &lt;a href="2.html"&gt;keyingi&lt;/a&gt;&lt;/p&gt;</content></entry>\n</feed>\n')
w("dates-localized.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>t</title><link>https://x.uz/</link><description>d</description>\n'
  + "".join(f'<item><title>d{i}</title><link>https://x.uz/{i}</link><pubDate>{d}</pubDate></item>\n' for i, d in enumerate([
      "21 июня 2025 12:22", "21-iyun, 2025", "2025-06-21 12:22:00", "Sat, 01 Jan 99999 00:00:00 GMT", "-0001-01-01T00:00:00Z",
      "Mon, 30 Feb 2025 10:00:00 GMT", "Sat, 21 Jun 2025 25:61:99 GMT", "tomorrow", ""]))
  + '<item><title>nodate</title><link>https://x.uz/nodate</link></item>\n</channel></rss>\n')
w("duplicate-guids.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>t</title><link>https://x.uz/</link><description>d</description>\n'
  + "".join(f'<item><title>copy {i}</title><guid isPermaLink="false">same-guid</guid><pubDate>Sat, 21 Jun 2025 1{i}:00:00 GMT</pubDate></item>\n' for i in range(5))
  + '<item><title>other</title><guid>other-guid</guid></item>\n</channel></rss>\n')
w("media-rss.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
  '<channel><title>Media</title><link>https://m.example.uz/</link><description>d</description><language>uz_UZ</language>\n'
  '<item><title>Rasmli xabar</title><link>/news/7</link><dc:creator>Gʻayrat Oʻrinov</dc:creator><category>Sport</category><category> Jahon </category>'
  '<enclosure url="https://m.example.uz/a.mp3" type="audio/mpeg" length="999"/>'
  '<media:content url="https://m.example.uz/v.mp4" type="video/mp4" fileSize="5000"/><media:thumbnail url="https://m.example.uz/t.jpg"/>'
  '<description>Qisqa &lt;b&gt;tavsif&lt;/b&gt;</description><content:encoded><![CDATA[<p>Toʻliq <img src="/i/1.png"> matn</p><script>evil()</script><iframe src="https://evil"></iframe><a href="javascript:alert(1)" onclick="x()">bad</a><a href="data:text/html,x">d</a><style>p{}</style>]]></content:encoded>'
  '<pubDate>21 Jun 2025 12:22 +0300</pubDate></item>\n</channel></rss>\n')
w("not-a-feed.xml", '<?xml version="1.0"?><note><to>x</to></note>')
w("json-garbage.json", b'{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"x' + bytes(range(0, 256)))
w("atom10-xhtml-text-title.atom", '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
  '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Sarlavha <b>qalin</b></div></title><id>urn:f</id>'
  '<updated>2025-06-21T12:22:00Z</updated><link href="https://a.uz/"/>\n'
  '<entry><title type="text">a &lt;b&gt; c</title><id>urn:e</id><updated>2025-06-21T12:22:00Z</updated>'
  '<link rel="alternate" href="/e/1"/><author><name>Ali</name><uri>/ali</uri></author><category term="sport" label="Sport"/>'
  '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Salom <a href="/x" onclick="y()">havola</a></p><script>bad()</script></div></content>'
  '<link rel="enclosure" href="https://a.uz/p.jpg" type="image/jpeg" length="100"/></entry></feed>\n')
