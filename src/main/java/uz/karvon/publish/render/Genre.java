package uz.karvon.publish.render;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Journalistic genres karvon can tell from a story's categories or tags, with the IPTC Genre NewsCode
 * (http://cv.iptc.org/newscodes/genre/) for ninjs and the value Yandex's {@code yandex:genre} takes
 * (message, article, interview; Yandex News RSS format). A story names none of these words: karvon does not
 * guess its genre (ninjs {@code genres} is left out, Yandex gets {@code message}, a news item).
 */
public enum Genre {
    INTERVIEW("Interview", "interview", List.of("interview", "intervyu", "интервью", "采访", "مقابلة")),
    OPINION("Opinion", "article", List.of("opinion", "fikr", "мнение", "колонка", "评论", "رأي")),
    ANALYSIS("Analysis", "article", List.of("analysis", "tahlil", "анализ", "аналитика", "分析", "تحليل")),
    OBITUARY("Obituary", "article", List.of("obituary", "некролог", "讣告"));

    private final String iptcCode;
    private final String yandex;
    private final List<String> words;

    Genre(String iptcCode, String yandex, List<String> words) {
        this.iptcCode = iptcCode;
        this.yandex = yandex;
        this.words = words;
    }

    public String iptcName() {
        return iptcCode;
    }

    public String iptcUri() {
        return "http://cv.iptc.org/newscodes/genre/" + iptcCode;
    }

    /** The {@code yandex:genre} value for this genre. */
    public String yandex() {
        return yandex;
    }

    /** The first genre any of these labels names (case-insensitive). */
    public static Optional<Genre> of(List<String> labels) {
        for (String l : labels) {
            if (l == null) continue;
            String k = l.strip().toLowerCase(Locale.ROOT);
            for (Genre g : values()) if (g.words.contains(k)) return Optional.of(g);
        }
        return Optional.empty();
    }
}
