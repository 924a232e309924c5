<?xml version="1.0" encoding="UTF-8"?>
<!--
  How a browser shows karvon's RSS 2.0 and Atom 1.0 feeds: a page that says what a feed is and how to subscribe,
  then the items. Feed readers ignore the <?xml-stylesheet?> instruction that points here and read the same XML.
  XSLT 1.0 (what browsers run). Every value is written as text (xsl:value-of), never as markup: feed content is
  never interpreted as HTML here. An RSS item's <description> is HTML by the RSS spec, and karvon writes its plain-text
  summary there HTML-escaped: "html-text" undoes exactly those escapes and writes the result as text again. No script, no inline style (the page's Content-Security-Policy allows neither).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:media="http://search.yahoo.com/mrss/"
    exclude-result-prefixes="atom media">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="rawLang" select="normalize-space(concat(/rss/channel/language, /atom:feed/@xml:lang))"/>
  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="$rawLang != ''"><xsl:value-of select="$rawLang"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="l2" select="substring($lang, 1, 2)"/>
  <xsl:variable name="dir">
    <xsl:choose>
      <xsl:when test="$l2 = 'ar' or $l2 = 'fa' or $l2 = 'he' or $l2 = 'ur'">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="cyrl" select="contains($lang, 'Cyrl')"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="normalize-space(/rss/channel/title | /atom:feed/atom:title)"/>
    <xsl:variable name="self" select="(/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href)[1]"/>
    <xsl:variable name="home" select="(/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href)[1]"/>
    <xsl:variable name="logo" select="(/rss/channel/image/url | /atom:feed/atom:logo | /atom:feed/atom:icon)[1]"/>
    <html lang="{$lang}" dir="{$dir}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="../static/karvon.css"/>
      </head>
      <body class="feed-view">
        <header class="masthead">
          <div class="bar">
            <a class="brand" href="{$home}">
              <xsl:if test="$logo"><img class="logo" src="{$logo}" alt=""/></xsl:if>
              <span class="agency"><xsl:value-of select="$title"/></span>
            </a>
          </div>
        </header>
        <main id="main">
          <section class="subscribe-box">
            <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'what'"/></xsl:call-template></h1>
            <p><xsl:call-template name="t"><xsl:with-param name="k" select="'how'"/></xsl:call-template></p>
            <p class="feed-address"><code dir="ltr"><xsl:value-of select="$self"/></code></p>
            <p>
              <a href="{$home}"><xsl:call-template name="t"><xsl:with-param name="k" select="'site'"/></xsl:call-template></a>
            </p>
          </section>
          <p class="feed-description" dir="auto"><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
          <ol class="feed-items">
            <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute></xsl:if>
      <xsl:variable name="img" select="(media:content[@medium='image']/@url | enclosure[starts-with(@type, 'image/')]/@url)[1]"/>
      <xsl:if test="$img"><img class="thumb" src="{$img}" alt="" loading="lazy"/></xsl:if>
      <h2 dir="auto"><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <p class="meta"><bdi><xsl:value-of select="pubDate"/></bdi></p>
      <p class="summary" dir="auto">
        <xsl:call-template name="html-text"><xsl:with-param name="s" select="description"/></xsl:call-template>
      </p>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute></xsl:if>
      <xsl:variable name="img" select="atom:link[@rel='enclosure'][starts-with(@type, 'image/')]/@href"/>
      <xsl:if test="$img"><img class="thumb" src="{$img}" alt="" loading="lazy"/></xsl:if>
      <h2 dir="auto"><a href="{(atom:link[@rel='alternate'] | atom:link[not(@rel)])[1]/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <p class="meta"><bdi><xsl:value-of select="atom:published | atom:updated[not(../atom:published)]"/></bdi></p>
      <p class="summary" dir="auto"><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>

  <!-- The page's own words, in the feed's language (English for the others). -->
  <xsl:template name="t">
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$l2 = 'uz' and $cyrl">
        <xsl:choose>
          <xsl:when test="$k = 'what'">Бу — янгиликлар лентаси</xsl:when>
          <xsl:when test="$k = 'how'">Обуна бўлиш учун қуйидаги манзилни лента ўқувчи дастурга (Feedly, Inoreader, NetNewsWire, Thunderbird…) нусхаланг: янги хабарлар унда ўз-ўзидан пайдо бўлади.</xsl:when>
          <xsl:otherwise>Сайтга ўтиш</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$l2 = 'uz'">
        <xsl:choose>
          <xsl:when test="$k = 'what'">Bu — yangiliklar lentasi</xsl:when>
          <xsl:when test="$k = 'how'">Obuna boʻlish uchun quyidagi manzilni lenta oʻquvchi dasturga (Feedly, Inoreader, NetNewsWire, Thunderbird…) nusxalang: yangi xabarlar unda oʻz-oʻzidan paydo boʻladi.</xsl:when>
          <xsl:otherwise>Saytga oʻtish</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$l2 = 'ru'">
        <xsl:choose>
          <xsl:when test="$k = 'what'">Это лента новостей</xsl:when>
          <xsl:when test="$k = 'how'">Чтобы подписаться, скопируйте этот адрес в программу для чтения лент (Feedly, Inoreader, NetNewsWire, Thunderbird…): новые материалы будут появляться в ней сами.</xsl:when>
          <xsl:otherwise>Перейти на сайт</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$l2 = 'zh'">
        <xsl:choose>
          <xsl:when test="$k = 'what'">这是一个新闻订阅源</xsl:when>
          <xsl:when test="$k = 'how'">如需订阅，请将下面的地址复制到RSS阅读器（Feedly、Inoreader、NetNewsWire、Thunderbird等）中，新消息会自动出现。</xsl:when>
          <xsl:otherwise>访问网站</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$l2 = 'ar'">
        <xsl:choose>
          <xsl:when test="$k = 'what'">هذه خلاصة أخبار</xsl:when>
          <xsl:when test="$k = 'how'">للاشتراك، انسخ العنوان أدناه إلى قارئ الخلاصات لديك (Feedly أو Inoreader أو NetNewsWire أو Thunderbird…) وستظهر فيه الأخبار الجديدة تلقائياً.</xsl:when>
          <xsl:otherwise>زيارة الموقع</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$k = 'what'">This is a news feed</xsl:when>
          <xsl:when test="$k = 'how'">To subscribe, copy the address below into your feed reader (Feedly, Inoreader, NetNewsWire, Thunderbird…): new stories then appear there by themselves.</xsl:when>
          <xsl:otherwise>Visit the website</xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The text of karvon's RSS <description>: the five escapes PlainText.asHtml makes, undone; output stays text. -->
  <xsl:template name="html-text">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&amp;')">
        <xsl:value-of select="substring-before($s, '&amp;')"/>
        <xsl:variable name="rest" select="substring-after($s, '&amp;')"/>
        <xsl:choose>
          <xsl:when test="starts-with($rest, 'amp;')"><xsl:text>&amp;</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'lt;')"><xsl:text>&lt;</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'gt;')"><xsl:text>&gt;</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'quot;')"><xsl:text>"</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="substring($rest, 6)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, '#39;')"><xsl:text>'</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:text>&amp;</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="$rest"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
