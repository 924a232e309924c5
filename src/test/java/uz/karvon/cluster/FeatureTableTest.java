package uz.karvon.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What crosses languages, as a table an editor can extend: figures written every which way, dates, names
 * in Latin and Cyrillic. Each row: language, text, anchors it must carry, anchors it must not.
 */
class FeatureTableTest {

    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(Gazetteer.standard());

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en      | Exports reached 3.6 million dollars               | n:3600000         |
            en      | Exports reached $3,600,000                        | n:3600000         |
            en      | Exports reached $3.6m                             |                   | n:3600000
            ru      | Экспорт достиг 3,6 млн долларов                   | n:3600000         |
            ru      | Экспорт достиг 3.6 млн долларов                   | n:3600000         |
            ru      | Экспорт достиг 3 600 000 долларов                 | n:3600000         |
            ru      | Экспорт достиг 3,6 миллиона долларов              | n:3600000         |
            uz-Latn | Eksport 3,6 mln dollarni tashkil etdi             | n:3600000         |
            uz-Cyrl | Экспорт 3,6 миллион долларни ташкил этди          | n:3600000         |
            zh      | 出口额达360万美元                                   | n:3600000         |
            ar      | بلغت الصادرات ٣٫٦ مليون دولار                      | n:3600000         |
            ar      | بلغت الصادرات ۳٫۶ مليون دولار                      | n:3600000         |
            ar      | بلغت الصادرات 3.6 مليون دولار                      | n:3600000         |
            en      | Uzbekistan sells $1 billion of bonds              | n:1000000000      |
            zh      | 乌兹别克斯坦发行10亿美元欧洲债券                     | n:1000000000      |
            en      | Reserves of 12 bcm                                | n:12000000000     |
            en      | Inflation 8.7% and rate 14%                       | n:8.7 n:14        |
            ar      | سعر الفائدة عند ١٤٪                                | n:14              |
            zh      | 基准利率１４％                                       | n:14              |
            en      | 1,200 tonnes shipped                              | n:1200            |
            ru      | отгружено 1,2 тонны                               | n:1.2             |
            ru      | 1.200.000 тонн                                    | n:1200000         |
            en      | Four people died and two were hurt                | n:4 n:2           |
            ru      | погибли четыре человека                           | n:4               |
            uz-Latn | toʻrt kishi halok boʻldi                          | n:4               |
            ar      | مقتل أربعة أشخاص                                   | n:4               |
            en      | An Airbus A321neo landed at 10:30                 |                   | n:321 n:10 n:30
            en      | Kambarata-1 plant, GES-1                          |                   | n:1
            en      | Elections in 2026                                 | y:2026            | n:2026
            en      | On June 21 the bank met                           | d:6-21            | n:21
            en      | On 21 June the bank met                           | d:6-21            |
            ru      | 21 июня банк провёл заседание                     | d:6-21            |
            uz-Latn | 21-iyun kuni bank yigʻilishi boʻldi               | d:6-21            |
            uz-Cyrl | 21 июнь куни банк йиғилиши бўлди                  | d:6-21            |
            ar      | اجتمع البنك في 21 يونيو                            | d:6-21            |
            ar      | اجتمع البنك في 21 حزيران                           | d:6-21            |
            zh      | 央行6月21日开会                                     | d:6-21            | n:6 n:21
            en      | The fair runs from June 5 to 9                    | d:6-5 d:6-9       |
            uz-Latn | Festival 15–17-may kunlari boʻladi                | d:5-15 d:5-17     |
            zh      | 文化节于5月15日至17日举行                            | d:5-15 d:5-17     |
            uz-Latn | Prezident Toshkentda                              | p:tashkent c:uzbekistan |
            uz-Cyrl | Президент Тошкентда                               | p:tashkent c:uzbekistan |
            ru      | Президент в Ташкенте                              | p:tashkent        |
            en      | The president in Tashkent's old city              | p:tashkent        |
            zh      | 总统在塔什干                                        | p:tashkent        |
            ar      | الرئيس في طشقند                                    | p:tashkent        |
            ru      | В Оше и Ошской области                            | p:osh c:kyrgyzstan |
            uz-Latn | Shavkat Mirziyoyevning tashrifi                   | h:mirziyoyev      |
            uz-Cyrl | Шавкат Мирзиёевнинг ташрифи                       | h:mirziyoyev      |
            ru      | Визит Шавката Мирзиёева                           | h:mirziyoyev      |
            zh      | 米尔济约耶夫总统访问                                  | h:mirziyoyev      |
            ar      | زيارة الرئيس شوكت ميرضيائيف                         | h:mirziyoyev      |
            ru      | Китай, в Китае, из Китая                          | c:china           |
            en      | Central Bank of Uzbekistan                        | o:cbu t:central-bank c:uzbekistan |
            ar      | سكان أوزبكستان                                     | t:census c:uzbekistan |
            en      | Uzbekistan lose to Colombia                       | c:colombia        |
            en      | Boxer Jahongir Ergashev won                       | k:rgsv            |
            ru      | Боксёр Джахонгир Эргашев победил                  | k:rgsv            |
            ru      | победа над Эргашевым                              | k:rgsv            |
            uz-Cyrl | Боксчи Жаҳонгир Эргашев ғолиб бўлди               | k:rgsv            |
            uz-Latn | Qambarota GES-1 qurilishi                         | k:kmbrt           |
            ru      | Камбаратинской ГЭС-1                               | k:kmbrt           |
            """)
    void anchors(String lang, String text, String present, String absent) {
        Set<String> anchors = EXTRACTOR.extract(new Story("t", lang, null, Instant.EPOCH, text, "")).anchors();
        if (present != null) {
            assertThat(anchors).as("anchors of %s", text).containsAll(Arrays.asList(present.split(" ")));
        }
        if (absent != null) {
            assertThat(anchors).as("anchors of %s", text).doesNotContainAnyElementsOf(Arrays.asList(absent.split(" ")));
        }
    }
}
