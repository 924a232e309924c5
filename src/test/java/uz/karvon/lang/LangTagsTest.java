package uz.karvon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LangTagsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "uz-latn|uz-Latn", "UZ-CYRL|uz-Cyrl", "ru_RU|ru-RU", "zh-hans|zh-Hans", "en|en", "ar-eg|ar-EG",
        "kk|kk", "tg|tg", "ky-KG|ky-KG", "ckb|ckb", " uz |uz",
        "NULL|NULL", "''|NULL", "xx|NULL", "uz-|NULL", "english|NULL", "12|NULL", "uz--Latn|NULL", "!|NULL"
    })
    void normalize(String in, String expected) {
        assertThat(LangTags.normalize(in)).isEqualTo(expected);
        assertThat(LangTags.isValid(in)).isEqualTo(expected != null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ar|rtl", "ar-EG|rtl", "fa|rtl", "ur|rtl", "he|rtl", "ps|rtl", "ug|rtl", "uz-Arab|rtl", "ckb|rtl",
        "uz|ltr", "uz-Latn|ltr", "uz-Cyrl|ltr", "ru|ltr", "en|ltr", "zh|ltr", "tg|ltr", "az|ltr", "az-Arab|rtl",
        "xx|ltr", "''|ltr"
    })
    void direction(String tag, String dir) {
        assertThat(LangTags.dir(tag)).isEqualTo(dir);
        assertThat(LangTags.isRightToLeft(tag)).isEqualTo(dir.equals("rtl"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "uz-Latn|Oʻzbekcha", "uz|Oʻzbekcha", "uz-cyrl|Ўзбекча", "uz-Cyrl-UZ|Ўзбекча", "ru|Русский", "ru-RU|Русский",
        "en|English", "en-GB|English", "zh|中文", "ar|العربية", "tr|Türkçe", "az|Azərbaycanca", "kk|Қазақша",
        "tg|Тоҷикӣ", "ky|Кыргызча", "de|Deutsch", "fr|Français", "kaa-Latn|Qaraqalpaqsha", "kaa-Cyrl|Қарақалпақша",
        "uk|Українська", "xx|NULL"
    })
    void displayNameInItsOwnLanguage(String tag, String name) {
        assertThat(LangTags.displayName(tag)).isEqualTo(name);
    }
}
