package uz.karvon.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine through its public API: what joins, what stays apart, and ids that survive a restart. */
class EventClustererTest {

    private static final Instant T = Instant.parse("2026-06-11T10:00:00Z");

    private static Story story(String id, String lang, int minutes, String title, String summary) {
        return new Story(id, lang, "src-" + id, T.plusSeconds(60L * minutes), title, summary);
    }

    private static List<String> clusters(EventClusterer c, Story... stories) {
        List<String> out = new ArrayList<>();
        for (Story s : stories) {
            out.add(c.add(s).clusterId());
        }
        return out;
    }

    @Test
    void oneEventInFiveLanguagesWithTheFigureWrittenFiveWaysIsOneCluster() {
        List<String> ids = clusters(EventClusterer.standard(),
                story("en", "en", 0, "Uzbekistan's exports to China reach $3.6 billion", "Exports rose 12% in January-May, the statistics committee said."),
                story("ru", "ru", 20, "Экспорт Узбекистана в Китай достиг 3,6 млрд долларов", "За январь–май экспорт вырос на 12%."),
                story("uzc", "uz-Cyrl", 35, "Ўзбекистоннинг Хитойга экспорти 3,6 миллиард долларга етди", "Январь–май ойларида экспорт 12 фоизга ўсди."),
                story("zh", "zh", 60, "乌兹别克斯坦对华出口达36亿美元", "1至5月出口增长12%。"),
                story("ar", "ar", 90, "صادرات أوزبكستان إلى الصين تبلغ ٣٫٦ مليار دولار", "ارتفعت الصادرات بنسبة ١٢٪."));
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(ids.get(0)).isEqualTo(ClusterIds.of("en"));
    }

    @Test
    void aNameInLatinAndCyrillicMeetsEvenWhenTheGazetteerDoesNotKnowIt() {
        // Ergashev is in no gazetteer: his name meets by sound across scripts
        List<String> ids = clusters(EventClusterer.standard(),
                story("a", "uz-Latn", 0, "Bokschi Jahongir Ergashev Bangkokda gʻolib boʻldi", "Ergashev finalda 75 kg vaznda gʻalaba qozondi."),
                story("b", "uz-Cyrl", 10, "Боксчи Жаҳонгир Эргашев Бангкокда ғолиб бўлди", "Эргашев финалда 75 кг вазнда ғалаба қозонди."),
                story("c", "ru", 30, "Боксёр Джахонгир Эргашев победил в Бангкоке", "В финале Эргашев выиграл в весе до 75 кг."),
                story("d", "en", 40, "Boxer Jahongir Ergashev wins in Bangkok", "Ergashev won the 75kg final."));
        assertThat(ids).containsOnly(ids.get(0));
    }

    @Test
    void twoStoriesSharingEveryWordButTheNumberStayApart() {
        EventClusterer c = EventClusterer.standard();
        List<String> ids = clusters(c,
                story("q1", "en", 0, "Magnitude 4.8 earthquake hits Namangan region", "The quake struck at a depth of 10 km, seismologists said."),
                story("q2", "en", 50, "Magnitude 3.9 earthquake hits Namangan region", "The quake struck at a depth of 10 km, seismologists said."),
                story("q3", "ru", 60, "В Наманганской области произошло землетрясение магнитудой 4,8", "Глубина очага — 10 км."),
                story("q4", "ru", 70, "В Наманганской области произошло землетрясение магнитудой 3,9", "Глубина очага — 10 км."));
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        assertThat(ids.get(2)).isEqualTo(ids.get(0));
        assertThat(ids.get(3)).isEqualTo(ids.get(1));
    }

    @Test
    void sameTopicDifferentEventsStayApart() {
        List<String> ids = clusters(EventClusterer.standard(),
                // two central banks hold their rates on the same day
                story("cb1", "en", 0, "Uzbekistan central bank holds key rate at 14%", "The Central Bank of Uzbekistan kept its policy rate unchanged."),
                story("cb2", "en", 30, "Kazakhstan central bank holds base rate at 16.5%", "The National Bank of Kazakhstan kept its base rate unchanged."),
                story("cb3", "ru", 40, "Нацбанк Казахстана сохранил базовую ставку", "Регулятор оставил ставку без изменений."),
                // two earthquakes the same night, in two countries
                story("eq1", "ru", 60, "Землетрясение в Наманганской области", "Толчки ощущались в Намангане."),
                story("eq2", "en", 70, "Earthquake strikes southern Kyrgyzstan", "The quake hit Osh region overnight."),
                // two book fairs open the same day
                story("bf1", "ru", 90, "В Ташкенте открылась международная книжная ярмарка", "Ярмарка продлится до 9 июня."),
                story("bf2", "ru", 95, "В Алматы открылась международная книжная ярмарка", "Ярмарка продлится до 8 июня."),
                story("bf3", "zh", 100, "阿拉木图国际书展开幕", "书展将持续至6月8日。"));
        assertThat(ids.get(1)).isNotEqualTo(ids.get(0));
        assertThat(ids.get(2)).isEqualTo(ids.get(1)).isNotEqualTo(ids.get(0));
        assertThat(ids.get(4)).isNotEqualTo(ids.get(3));
        assertThat(ids.get(6)).isNotEqualTo(ids.get(5));
        assertThat(ids.get(7)).isEqualTo(ids.get(6));
    }

    @Test
    void storiesFurtherApartThanTheWindowAreNeverOneEvent() {
        EventClusterer c = new EventClusterer(ClusterSettings.defaults().withWindow(Duration.ofHours(12)), Gazetteer.standard());
        String title = "Uzbekistan Airways to fly to Seoul four times a week from July 1";
        Assignment first = c.add(story("w1", "en", 0, title, ""));
        Assignment soon = c.add(story("w2", "en", 60 * 11, title, ""));
        Assignment late = c.add(story("w3", "en", 60 * 36, title, ""));
        assertThat(soon.clusterId()).isEqualTo(first.clusterId());
        assertThat(soon.matchedId()).isEqualTo("w1");
        assertThat(late.created()).isTrue();
        assertThat(late.clusterId()).isNotEqualTo(first.clusterId());
    }

    @Test
    void aStorySeenAgainKeepsItsCluster() {
        EventClusterer c = EventClusterer.standard();
        Assignment a = c.add(story("x", "en", 0, "Fire breaks out at Tashkent's Chorsu Bazaar", ""));
        Assignment again = c.add(story("x", "en", 5, "Fire at Chorsu Bazaar: no one hurt (updated)", ""));
        assertThat(again.clusterId()).isEqualTo(a.clusterId());
        assertThat(c.windowSize()).isEqualTo(1);
    }

    @Test
    void aRestartRestoredFromStoredIdsPlacesLaterStoriesExactlyAsBefore() throws Exception {
        List<ClusterEvaluation.Labelled> items = ClusterEvaluation.read(LabelledSetTest.resource("labelled.jsonl"));
        EventClusterer uninterrupted = EventClusterer.standard();
        List<String> before = new ArrayList<>();
        for (ClusterEvaluation.Labelled l : items) {
            before.add(uninterrupted.add(l.story()).clusterId());
        }
        // stop half way; the store kept (story, cluster id); a new instance is fed them back, then goes on
        int half = items.size() / 2;
        EventClusterer restarted = EventClusterer.standard();
        for (int i = 0; i < half; i++) {
            restarted.restore(items.get(i).story(), before.get(i));
        }
        List<String> after = new ArrayList<>(before.subList(0, half));
        for (int i = half; i < items.size(); i++) {
            after.add(restarted.add(items.get(i).story()).clusterId());
        }
        assertThat(after).isEqualTo(before);
        assertThat(after.subList(half, after.size())).as("later stories join clusters created before the restart")
                .containsAnyElementsOf(before.subList(0, half));
    }
}
