package uz.karvon.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import uz.karvon.store.PullStatStore;

/**
 * Requests per day for each feed and partner as a line chart, drawn on the server as inline SVG (no script, no
 * inline style: colours come from the stylesheet's {@code .series-N} classes). The busiest {@link #SERIES}
 * feed/partner pairs get a line each; the rest are summed into "others".
 */
final class StatsChart {
    static final int SERIES = 8;
    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    private StatsChart() {}

    /** One line: its label and requests per day, oldest day first. */
    record Series(String label, long[] perDay) {
        long total() {
            long t = 0;
            for (long v : perDay) t += v;
            return t;
        }
    }

    /** The lines for {@code days} days ending {@code lastDay}. */
    static List<Series> series(List<PullStatStore.Row> rows, LocalDate lastDay, int days) {
        Map<String, long[]> byKey = new LinkedHashMap<>();
        LocalDate first = lastDay.minusDays(days - 1L);
        for (PullStatStore.Row r : rows) {
            int i = (int) (LocalDate.parse(r.day()).toEpochDay() - first.toEpochDay());
            if (i < 0 || i >= days) continue;
            String label = r.feedId() + (r.partnerId().isEmpty() ? " · public" : " · " + r.partnerId());
            byKey.computeIfAbsent(label, k -> new long[days])[i] += r.requests();
        }
        List<Series> all = new ArrayList<>();
        byKey.forEach((k, v) -> all.add(new Series(k, v)));
        all.sort(Comparator.comparingLong(Series::total).reversed().thenComparing(Series::label));
        if (all.size() <= SERIES) return all;
        List<Series> out = new ArrayList<>(all.subList(0, SERIES - 1));
        long[] others = new long[days];
        for (Series s : all.subList(SERIES - 1, all.size())) for (int i = 0; i < days; i++) others[i] += s.perDay()[i];
        out.add(new Series("others (" + (all.size() - SERIES + 1) + ")", others));
        return out;
    }

    /** Appends the chart and its legend to {@code parent}. */
    static void draw(Element parent, List<Series> series, LocalDate lastDay, int days) {
        Element figure = parent.appendElement("figure").addClass("chart");
        long max = 1;
        for (Series s : series) for (long v : s.perDay()) max = Math.max(max, v);
        long gridStep = niceCeiling((max + 3) / 4);
        max = gridStep * 4;
        Element svg = figure.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT).attr("role", "img")
                .attr("aria-label", "Requests per day, last " + days + " day(s), per feed and partner; the table below has the figures");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        for (int g = 0; g <= 4; g++) { // horizontal grid lines with their values
            double y = TOP + plotH - plotH * g / 4.0;
            svg.appendElement("line").addClass("grid").attr("x1", fmt(LEFT)).attr("x2", fmt(WIDTH - RIGHT))
                    .attr("y1", fmt(y)).attr("y2", fmt(y));
            svg.appendElement("text").addClass("axis").attr("x", fmt(LEFT - 6)).attr("y", fmt(y + 4))
                    .attr("text-anchor", "end").text(Long.toString(gridStep * g));
        }
        int step = Math.max(1, (days + 9) / 10); // at most about ten day labels
        for (int i = 0; i < days; i++) {
            if ((days - 1 - i) % step != 0) continue;
            LocalDate d = lastDay.minusDays(days - 1L - i);
            svg.appendElement("text").addClass("axis").attr("x", fmt(x(i, days, plotW))).attr("y", fmt(HEIGHT - BOTTOM + 18))
                    .attr("text-anchor", "middle").text(String.format(Locale.ROOT, "%02d-%02d", d.getMonthValue(), d.getDayOfMonth()));
        }
        for (int n = 0; n < series.size(); n++) {
            Series s = series.get(n);
            StringBuilder points = new StringBuilder();
            Element group = svg.appendElement("g").addClass("series-" + n);
            group.appendElement("title").text(s.label() + ": " + s.total() + " request(s)");
            for (int i = 0; i < days; i++) {
                double x = x(i, days, plotW);
                double y = TOP + plotH - plotH * s.perDay()[i] / max;
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                group.appendElement("circle").attr("cx", fmt(x)).attr("cy", fmt(y)).attr("r", "3");
            }
            if (days > 1) group.appendElement("polyline").attr("points", points.toString().strip()).attr("fill", "none");
        }
        Element legend = figure.appendElement("figcaption").appendElement("ul").addClass("legend");
        for (int n = 0; n < series.size(); n++) {
            Element li = legend.appendElement("li");
            li.appendElement("span").addClass("swatch series-" + n).attr("aria-hidden", "true");
            li.appendText(series.get(n).label() + " (" + series.get(n).total() + ")");
        }
    }

    private static double x(int i, int days, double plotW) {
        return days == 1 ? LEFT + plotW / 2 : LEFT + plotW * i / (days - 1);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}: round grid values. */
    static long niceCeiling(long v) {
        long p = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) if (m * p >= v) return m * p;
            p *= 10;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
