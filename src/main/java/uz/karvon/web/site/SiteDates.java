package uz.karvon.web.site;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Element;

/**
 * Dates as each language writes them, in the site's zone. ICU, not java.time: the JDK joins date and time with a
 * Latin comma in every language, where CLDR has each language's own ("24 نوفمبر 2026 في 11:43 ص", "24 ноября 2026 г.
 * в 11:43", "24-noyabr, 2026, 11:43").
 */
final class SiteDates {
    private SiteDates() {}

    /** One pattern per language and style, built once (ICU looks it up in CLDR); each use formats on a clone. */
    private static final Map<String, DateFormat> FORMATS = new ConcurrentHashMap<>();

    static String dateTime(Instant t, String lang, ZoneId zone) {
        return format(FORMATS.computeIfAbsent(lang + " dt",
                k -> DateFormat.getDateTimeInstance(DateFormat.LONG, DateFormat.SHORT, ULocale.forLanguageTag(lang))), t, zone);
    }

    static String date(Instant t, String lang, ZoneId zone) {
        return format(FORMATS.computeIfAbsent(lang + " d",
                k -> DateFormat.getDateInstance(DateFormat.LONG, ULocale.forLanguageTag(lang))), t, zone);
    }

    /**
     * A {@code <time>} element with the machine-readable instant; isolated ({@code <bdi>}) so that its digits keep
     * their order inside a line of the other direction.
     */
    static Element time(Element parent, Instant t, String text) {
        return parent.appendElement("bdi").appendElement("time").attr("datetime", t.toString()).text(text);
    }

    private static String format(DateFormat prototype, Instant t, ZoneId zone) {
        DateFormat f = (DateFormat) prototype.clone(); // not thread-safe: never shared between requests
        f.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return f.format(Date.from(t));
    }
}
