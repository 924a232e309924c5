package uz.karvon.publish.render;

import java.time.Instant;
import java.util.List;

/** Multilingual fixtures shared by the writer tests. */
final class Samples {
    private Samples() {
    }

    static final Instant T0 = Instant.parse("2026-11-20T04:30:00Z");

    static Channel channel(String language) {
        return new Channel("tag:karvon.uz,2026:channel/world", "Karvon — Jahon yangiliklari", "Oʻzbekiston va jahon: Tashkent & <world>",
                language, "https://karvon.uz/", "https://karvon.uz/feeds/world.rss", "https://karvon.uz/feeds/world.atom",
                "https://karvon.uz/feeds/world.json", T0, "© 2026 Karvon", "https://karvon.uz/icon.png");
    }

    static Entry uzLatin() {
        return new Entry("tag:karvon.uz,2026:article/kaa-2026-0001-uz-latn", "https://karvon.uz/uz/2026/0001",
                "Toshkentda oʻzgarishlar: gʻalaba vaʼda qilindi & <tez>",
                "Qisqacha: oʻ gʻ ʼ — \"qoʻshtirnoq\" & <teg> 😀",
                "<p>Matn <b>qalin</b> &amp; <a href=\"https://karvon.uz/x?a=1&amp;b=2\">havola</a></p>",
                "uz-Latn", List.of("Siyosat", "Oʻzbekiston"), "Gʻulom Oʻrinov",
                T0.minusSeconds(3600), T0.minusSeconds(60),
                new Image("https://karvon.uz/img/1.jpg", "image/jpeg", 123456L, "Toshkent, 2026 — surat"),
                List.of(new Translation("ru", "https://karvon.uz/ru/2026/0001", "Перемены в Ташкенте"),
                        new Translation("uz-Cyrl", "https://karvon.uz/uz-cyrl/2026/0001", "Тошкентда ўзгаришлар")),
                new Credit("kun-uz", "Kun.uz", "https://kun.uz/news/2026/11/20/1"),
                null, "Tuzatish: sana oʻzgartirildi", "TOSHKENT", false);
    }

    static Entry uzCyrillic() {
        return new Entry("tag:karvon.uz,2026:article/kaa-2026-0001-uz-cyrl", "https://karvon.uz/uz-cyrl/2026/0001",
                "Тошкентда ўзгаришлар", "Қисқача мазмун", "<p>Ўзбек тили</p>", "uz-Cyrl", List.of("Сиёсат"), null,
                T0.minusSeconds(3500), T0.minusSeconds(3500), null,
                List.of(new Translation("uz-Latn", "https://karvon.uz/uz/2026/0001", "Toshkentda oʻzgarishlar")),
                null, null, null, null, true);
    }

    static Entry russian() {
        return new Entry("tag:karvon.uz,2026:article/kaa-2026-0002-ru", "https://karvon.uz/ru/2026/0002",
                "Перемены в Ташкенте: «кавычки» и ёлка", "Кратко о главном", "<p>Полный <i>текст</i></p>", "ru",
                List.of("Политика"), "Иван Петров", T0.minusSeconds(7200), null,
                new Image("https://karvon.uz/img/2.png", "image/png", null, "Подпись"), List.of(), null,
                new Embargo(T0.plusSeconds(86400)), null, "ТАШКЕНТ", false);
    }

    static Entry chinese() {
        return new Entry("tag:karvon.uz,2026:article/kaa-2026-0003-zh", "https://karvon.uz/zh/2026/0003",
                "塔什干的变化", "简要内容", "<p>中文全文</p>", "zh-Hans", List.of("政治"), "王伟",
                T0.minusSeconds(9000), T0.minusSeconds(8000), null, List.of(), null, null, null, null, false);
    }

    static Entry arabic() {
        return new Entry("tag:karvon.uz,2026:article/kaa-2026-0004-ar", "https://karvon.uz/ar/2026/0004",
                "تغييرات في طشقند", "ملخص الخبر", "<p dir=\"rtl\">النص الكامل</p>", "ar", List.of("سياسة"), "أحمد",
                T0.minusSeconds(10000), T0.minusSeconds(9500), null, List.of(), null, null, null, null, false);
    }

    static List<Entry> all() {
        return List.of(uzLatin(), uzCyrillic(), russian(), chinese(), arabic());
    }

    static List<Tombstone> tombstones() {
        return List.of(new Tombstone("tag:karvon.uz,2026:article/kaa-2026-0000-en", T0.minusSeconds(30),
                "Olib tashlandi: huquqiy sabab & <x>", "https://karvon.uz/en/2026/0000"));
    }
}
