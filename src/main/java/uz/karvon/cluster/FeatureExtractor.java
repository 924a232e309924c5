package uz.karvon.cluster;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uz.karvon.lang.Detection;
import uz.karvon.lang.LangTags;
import uz.karvon.lang.LanguageDetector;

/** Turns a {@link Story} into {@link Features}: one pass over its title and summary. Thread-safe. */
final class FeatureExtractor {

    private static final float TITLE_WEIGHT = 2f;

    private final Gazetteer gazetteer;

    FeatureExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    Features extract(Story story) {
        String tag = LangTags.normalize(story.lang());
        if (tag == null) {   // no usable language: the project's detector, as on ingest
            tag = LanguageDetector.standard().detect(story.title() + "\n" + story.summary()).map(Detection::tag).orElse(null);
        }
        Group group = Group.of(tag, story.title() + " " + story.summary());
        Parts p = new Parts(group);
        p.read(TextPrep.prepare(story.title(), group), true);
        p.read(TextPrep.prepare(story.summary(), group), false);

        Set<String> places = new HashSet<>();
        Set<String> leaves = new HashSet<>(p.places);
        for (String place : p.places) {
            places.add(place);
            Set<String> up = gazetteer.ancestors(place);
            places.addAll(up);
            leaves.removeAll(up);
        }
        Map<String, Set<String>> titlePlaces = new HashMap<>();
        for (String place : p.titlePlaces) {
            titlePlaces.put(place, gazetteer.ancestors(place));
        }
        return new Features(story.id(), group, story.published().getEpochSecond(), Map.copyOf(p.terms), Set.copyOf(p.anchors),
                Set.copyOf(p.numbers), Set.copyOf(p.titleNumbers), Set.copyOf(p.dates), Set.copyOf(p.places), Set.copyOf(places), Set.copyOf(leaves),
                Set.copyOf(p.persons), Map.copyOf(titlePlaces), Set.copyOf(p.titlePersons));
    }

    /** The features of one story, filled part by part (title, then summary). */
    private final class Parts {
        final Group group;
        final Map<String, Float> terms = new HashMap<>();
        final Set<String> anchors = new LinkedHashSet<>();
        final Set<String> numbers = new HashSet<>();
        final Set<String> titleNumbers = new HashSet<>();
        final Set<String> dates = new HashSet<>();
        final Set<String> years = new HashSet<>();
        final Set<String> places = new HashSet<>();
        final Set<String> persons = new HashSet<>();
        final Set<String> titlePlaces = new HashSet<>();
        final Set<String> titlePersons = new HashSet<>();
        final String termPrefix;
        boolean inTitle;

        Parts(Group group) {
            this.group = group;
            this.termPrefix = "w" + group.ordinal() + ":";
        }

        void read(String text, boolean title) {
            if (text.isEmpty()) {
                return;
            }
            inTitle = title;
            List<Token> tokens = new ArrayList<>();
            Lexer.tokenize(text, group, tokens);
            BitSet used = new BitSet(tokens.size());
            for (PhraseIndex.Match<Entity> m : gazetteer.find(group, tokens, group == Group.ZH ? text.toLowerCase(Locale.ROOT) : null)) {
                entity(m.value(), true);
                if (group != Group.ZH) {
                    used.set(m.start(), m.end());
                }
            }
            DateReader.read(group, tokens, used, dates);
            NumberReader.read(group, tokens, used, title ? titleNumbers : numbers, years);
            numbers.addAll(titleNumbers);
            float weight = title ? TITLE_WEIGHT : 1f;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() == Token.Kind.HAN) {
                    han(t.text(), weight);
                } else if (t.isWord() && t.text().length() > 1) {
                    terms.merge(termPrefix + t.text(), weight, Float::sum);
                    if (t.capitalized() && !used.get(i) && group.hasNameKeys()) {
                        String key = NameKeys.of(t, group);
                        if (key != null) {
                            anchors.add("k:" + key);
                        }
                    }
                }
            }
            anchors.addAll(numbers);
            anchors.addAll(dates);
            anchors.addAll(years);
        }

        private void entity(Entity e, boolean named) {
            anchors.add(prefix(e.kind()) + e.id());
            for (String up : gazetteer.ancestors(e.id())) {   // Tashkent and the CBU say Uzbekistan too
                anchors.add(prefix(gazetteer.get(up).kind()) + up);
            }
            String place = e.kind().isPlace() && named ? e.id() : e.parent();
            if (place != null) {
                places.add(place);
                if (inTitle) {
                    titlePlaces.add(place);
                }
            }
            if (e.kind() == Entity.Kind.PERSON) {
                persons.add(e.id());
                if (inTitle) {
                    titlePersons.add(e.id());
                }
            }
            for (String also : e.also()) {
                entity(gazetteer.get(also), false);
            }
        }

        /** Chinese has no spaces: overlapping character pairs stand in for words. */
        private void han(String run, float weight) {
            if (run.length() == 1) {
                terms.merge(termPrefix + run, weight, Float::sum);
                return;
            }
            for (int i = 0; i + 2 <= run.length(); i++) {
                terms.merge(termPrefix + run.substring(i, i + 2), weight, Float::sum);
            }
        }
    }

    private static String prefix(Entity.Kind kind) {
        return switch (kind) {
            case COUNTRY -> "c:";
            case PLACE -> "p:";
            case ORG -> "o:";
            case PERSON -> "h:";
            case TOPIC -> "t:";
        };
    }
}
