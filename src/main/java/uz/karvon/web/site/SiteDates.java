package uz.karvon.web.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jsoup.nodes.Element;

/** Dates as each language writes them (CLDR: "27-noyabr, 2026, 09:05", "2026年11月27日 上午9:05"), in the site's zone. */
final class SiteDates {
    private SiteDates() {}

    static String dateTime(Instant t, String lang, ZoneId zone) {
        return format(t, lang, zone, FormatStyle.SHORT);
    }

    static String date(Instant t, String lang, ZoneId zone) {
        return format(t, lang, zone, null);
    }

    /**
     * A {@code <time>} element with the machine-readable instant; isolated ({@code <bdi>}) so that its digits keep
     * their order inside a line of the other direction.
     */
    static Element time(Element parent, Instant t, String text) {
        return parent.appendElement("bdi").appendElement("time").attr("datetime", t.toString()).text(text);
    }

    private static String format(Instant t, String lang, ZoneId zone, FormatStyle time) {
        Locale locale = Locale.forLanguageTag(lang);
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.LONG, time, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(t);
    }
}
