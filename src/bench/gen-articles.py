#!/usr/bin/env python3
"""Generate articles in the CMS shape (see src/main/resources/sample/articles.json), as NDJSON.

Usage: gen-articles.py COUNT [--start-hours-ago H] [--languages en,ru,...] [--seed N] > extra.ndjson

COUNT is the number of articles (language versions). With one language (the default, en) every article is its
own story, as before; with several, stories are written in every listed language (uz-Latn, ru, en, zh-Hans, ar,
uz-Cyrl), COUNT // len(languages) stories in all, sharing a translation_key. Deterministic (seeded), stdlib only,
about a million articles a minute. Published times lie in the past: stories spaced 37 minutes apart, starting H
hours before now, newest first; a story's versions follow it by a few minutes. Nothing is in the future or
embargoed, so everything is accepted by `java -jar target/karvon.jar import FILE`.
"""
import argparse
import datetime as dt
import json
import random
import sys

CITY_KEYS = ["tashkent", "samarkand", "bukhara", "namangan", "andijan", "fergana", "nukus", "karshi", "termez", "urgench"]
SECTIONS = {
    "economy": ["economy", "trade", "energy", "agriculture", "transport"],
    "technology": ["technology", "telecom", "startups"],
    "culture": ["culture", "heritage", "music"],
    "sport": ["sport", "football", "athletics"],
    "weather": ["weather", "climate"],
}
AUTHORS = ["Aziz Karimov", "Malika Yusupova", "Timur Nazarov", "Gulnora Ismoilova", "Rustam Ergashev", "Nodira Tosheva"]

# Per language: city names (CITY_KEYS order), subjects, actions, objects, the title pattern and body sentences.
TEXT = {
    "en": dict(
        cities=["Tashkent", "Samarkand", "Bukhara", "Namangan", "Andijan", "Fergana", "Nukus", "Karshi", "Termez", "Urgench"],
        subjects=["regional authorities", "the ministry of economy", "a consortium of local firms", "the city administration",
                  "the national railway operator", "the statistics agency", "the central bank", "farmers' cooperatives"],
        actions=["announced a new programme", "signed an agreement", "reported quarterly figures", "opened a facility",
                 "approved a budget", "launched a pilot project", "published a five-year plan", "completed the first phase"],
        objects=["for irrigation upgrades", "on solar power plants", "for cotton processing", "on a new bus network",
                 "for broadband in rural districts", "on textile exports", "for school renovation", "on water metering"],
        title="{city}: {subject} {action} {obj}",
        sentences=["Officials said the work would cost about {n} billion soums and create {m} jobs.",
                   "According to preliminary data, output rose by {p}% compared with the same period last year.",
                   "The first results are expected by the end of the quarter, a spokesperson said.",
                   "Analysts noted that similar schemes in neighbouring regions had cut costs by roughly {p}%.",
                   "The agreement covers {n} kilometres of network and {m} district centres."]),
    "ru": dict(
        cities=["Ташкент", "Самарканд", "Бухара", "Наманган", "Андижан", "Фергана", "Нукус", "Карши", "Термез", "Ургенч"],
        subjects=["региональные власти", "министерство экономики", "консорциум местных компаний", "городская администрация",
                  "национальный железнодорожный оператор", "агентство статистики", "центральный банк", "фермерские кооперативы"],
        actions=["объявили о новой программе", "подписали соглашение", "отчитались за квартал", "открыли предприятие",
                 "утвердили бюджет", "запустили пилотный проект", "опубликовали пятилетний план", "завершили первый этап"],
        objects=["по модернизации орошения", "по солнечным электростанциям", "по переработке хлопка", "по новой сети автобусов",
                 "по интернету в сельских районах", "по экспорту текстиля", "по ремонту школ", "по учёту воды"],
        title="{city}: {subject} {action} {obj}",
        sentences=["По словам чиновников, работы обойдутся примерно в {n} млрд сумов и создадут {m} рабочих мест.",
                   "По предварительным данным, выпуск вырос на {p}% по сравнению с тем же периодом прошлого года.",
                   "Первые результаты ожидаются к концу квартала, сообщил представитель ведомства.",
                   "Аналитики отмечают, что похожие программы в соседних регионах снизили затраты примерно на {p}%.",
                   "Соглашение охватывает {n} километров сети и {m} районных центров."]),
    "uz-Latn": dict(
        cities=["Toshkent", "Samarqand", "Buxoro", "Namangan", "Andijon", "Fargʻona", "Nukus", "Qarshi", "Termiz", "Urganch"],
        subjects=["viloyat hokimligi", "iqtisodiyot vazirligi", "mahalliy firmalar konsorsiumi", "shahar hokimligi",
                  "milliy temir yoʻl operatori", "statistika agentligi", "Markaziy bank", "fermer kooperativlari"],
        actions=["yangi dasturni eʼlon qildi", "kelishuv imzoladi", "choraklik natijalarni eʼlon qildi", "korxona ochdi",
                 "byudjetni tasdiqladi", "tajriba loyihasini boshladi", "besh yillik rejani eʼlon qildi", "birinchi bosqichni yakunladi"],
        objects=["sugʻorishni yangilash boʻyicha", "quyosh elektr stansiyalari boʻyicha", "paxtani qayta ishlash boʻyicha",
                 "yangi avtobus tarmogʻi boʻyicha", "qishloqlarda internet boʻyicha", "toʻqimachilik eksporti boʻyicha",
                 "maktablarni taʼmirlash boʻyicha", "suv hisobi boʻyicha"],
        title="{city}: {subject} {obj} {action}",
        sentences=["Rasmiylarga koʻra, ishlar taxminan {n} milliard soʻmga tushadi va {m} ta ish oʻrni yaratadi.",
                   "Dastlabki maʼlumotlarga koʻra, ishlab chiqarish oʻtgan yilning shu davriga nisbatan {p} foizga oshdi.",
                   "Birinchi natijalar chorak oxirigacha kutilmoqda, dedi idora vakili.",
                   "Tahlilchilar qoʻshni viloyatlardagi shunga oʻxshash dasturlar xarajatlarni {p} foizga kamaytirganini taʼkidladi.",
                   "Kelishuv {n} kilometr tarmoq va {m} ta tuman markazini qamrab oladi."]),
    "uz-Cyrl": dict(
        cities=["Тошкент", "Самарқанд", "Бухоро", "Наманган", "Андижон", "Фарғона", "Нукус", "Қарши", "Термиз", "Урганч"],
        subjects=["вилоят ҳокимлиги", "иқтисодиёт вазирлиги", "маҳаллий фирмалар консорциуми", "шаҳар ҳокимлиги",
                  "миллий темир йўл оператори", "статистика агентлиги", "Марказий банк", "фермер кооперативлари"],
        actions=["янги дастурни эълон қилди", "келишув имзолади", "чораклик натижаларни эълон қилди", "корхона очди",
                 "бюджетни тасдиқлади", "тажриба лойиҳасини бошлади", "беш йиллик режани эълон қилди", "биринчи босқични якунлади"],
        objects=["суғоришни янгилаш бўйича", "қуёш электр станциялари бўйича", "пахтани қайта ишлаш бўйича",
                 "янги автобус тармоғи бўйича", "қишлоқларда интернет бўйича", "тўқимачилик экспорти бўйича",
                 "мактабларни таъмирлаш бўйича", "сув ҳисоби бўйича"],
        title="{city}: {subject} {obj} {action}",
        sentences=["Расмийларга кўра, ишлар тахминан {n} миллиард сўмга тушади ва {m} та иш ўрни яратади.",
                   "Дастлабки маълумотларга кўра, ишлаб чиқариш ўтган йилнинг шу даврига нисбатан {p} фоизга ошди.",
                   "Биринчи натижалар чорак охиригача кутилмоқда, деди идора вакили.",
                   "Келишув {n} километр тармоқ ва {m} та туман марказини қамраб олади."]),
    "zh-Hans": dict(
        cities=["塔什干", "撒马尔罕", "布哈拉", "纳曼干", "安集延", "费尔干纳", "努库斯", "卡尔希", "铁尔梅兹", "乌尔根奇"],
        subjects=["地方政府", "经济部", "当地企业联合体", "市政府", "国家铁路运营商", "统计局", "中央银行", "农民合作社"],
        actions=["宣布了一项新计划", "签署了一项协议", "公布了季度数据", "启用了一处设施", "批准了预算", "启动了试点项目",
                 "发布了五年规划", "完成了第一阶段"],
        objects=["灌溉改造", "太阳能电站", "棉花加工", "新公交网络", "农村宽带", "纺织品出口", "学校翻新", "用水计量"],
        title="{city}：{subject}就{obj}{action}",
        sentences=["官员表示，这项工作将耗资约{n}亿苏姆，并创造{m}个就业岗位。",
                   "初步数据显示，产量同比增长{p}%。",
                   "一位发言人表示，预计本季度末将取得初步成果。",
                   "协议涵盖{n}公里的网络和{m}个区中心。"]),
    "ar": dict(
        cities=["طشقند", "سمرقند", "بخارى", "نمنغان", "أنديجان", "فرغانة", "نوكوس", "قرشي", "ترمذ", "أورغنتش"],
        subjects=["السلطات الإقليمية", "وزارة الاقتصاد", "تحالف من الشركات المحلية", "إدارة المدينة", "مشغل السكك الحديدية الوطني",
                  "وكالة الإحصاء", "البنك المركزي", "التعاونيات الزراعية"],
        actions=["أعلنت برنامجا جديدا", "وقعت اتفاقا", "نشرت أرقام الربع", "افتتحت منشأة", "أقرت ميزانية", "أطلقت مشروعا تجريبيا",
                 "نشرت خطة خمسية", "أنجزت المرحلة الأولى"],
        objects=["لتحديث الري", "لمحطات الطاقة الشمسية", "لمعالجة القطن", "لشبكة حافلات جديدة", "للإنترنت في الأرياف",
                 "لصادرات النسيج", "لترميم المدارس", "لقياس المياه"],
        title="{city}: {subject} {action} {obj}",
        sentences=["قال المسؤولون إن العمل سيكلف نحو {n} مليار سوم ويوفر {m} فرصة عمل.",
                   "وتشير البيانات الأولية إلى ارتفاع الإنتاج بنسبة {p}% مقارنة بالفترة نفسها من العام الماضي.",
                   "ومن المتوقع ظهور النتائج الأولى بنهاية الربع، بحسب متحدث.",
                   "ويشمل الاتفاق {n} كيلومترا من الشبكة و{m} مركزا إداريا."]),
}
# Minutes after the story's first version at which each language version follows (as in the sample).
OFFSET = {"uz-Latn": 0, "uz-Cyrl": 2, "ru": 4, "en": 9, "zh-Hans": 16, "ar": 23}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("count", type=int, help="number of articles (language versions)")
    ap.add_argument("--start-hours-ago", type=float, default=2.0)
    ap.add_argument("--languages", default="en", help="comma-separated, of: " + ", ".join(TEXT))
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    langs = [l.strip() for l in a.languages.split(",") if l.strip()]
    for l in langs:
        if l not in TEXT:
            ap.error(f"--languages: unknown language {l!r}; expected some of {', '.join(TEXT)}")
    rnd = random.Random(a.seed)
    tz = dt.timezone(dt.timedelta(hours=5))
    start = dt.datetime.now(tz).replace(second=0, microsecond=0) - dt.timedelta(hours=a.start_hours_ago)
    stories = a.count // len(langs) + (1 if a.count % len(langs) else 0)
    written = 0
    out = sys.stdout
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    buf = []
    for i in range(stories):
        section = rnd.choice(list(SECTIONS))
        sub = rnd.choice(SECTIONS[section][1:])
        c, s, ac, ob = rnd.randrange(10), rnd.randrange(8), rnd.randrange(8), rnd.randrange(8)
        n, m, p = rnd.randint(3, 480), rnd.randint(50, 900), rnd.randint(2, 40)
        picks = [rnd.randrange(4) for _ in range(3)]
        author = AUTHORS[i % len(AUTHORS)]
        key = f"kaa-bench-{i + 1:04d}"
        base = start - dt.timedelta(minutes=37 * i)
        for lang in langs:
            if written == a.count:
                break
            t = TEXT[lang]
            city = t["cities"][c]
            title = t["title"].format(city=city, subject=t["subjects"][s], action=t["actions"][ac], obj=t["objects"][ob])
            title = title[0].upper() + title[1:]
            sents = [t["sentences"][k].format(n=n, m=m, p=p) for k in picks]
            when = (base + dt.timedelta(minutes=OFFSET[lang])).isoformat() if len(langs) > 1 else base.isoformat()
            suffix = "" if len(langs) == 1 else "-" + lang.lower()
            buf.append(dumps({
                "id": key + ("-en" if len(langs) == 1 else suffix),
                "lang": lang,
                "translation_key": key,
                "slug": f"{CITY_KEYS[c]}-{section}-bench-{i + 1:04d}",
                "title": title,
                "summary": f"{title}. {sents[0]}",
                "body_html": f"<p>{title}. {sents[0]}</p>\n<p>{sents[1]} {sents[2]}</p>",
                "section": section,
                "categories": [section, sub],
                "tags": [CITY_KEYS[c], section, sub],
                "author": author,
                "dateline": city,
                "published": when,
                "updated": when,
                "status": "published",
            }))
            written += 1
        if len(buf) >= 2000:
            out.write("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        out.write("\n".join(buf) + "\n")


if __name__ == "__main__":
    main()
