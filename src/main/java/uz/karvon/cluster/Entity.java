package uz.karvon.cluster;

import java.util.List;

/**
 * A gazetteer entry: a place, an institution, a person or a topic, with one id whatever the language.
 *
 * @param parent the place it belongs to ({@code in=}), or {@code null}
 * @param also   entries a mention of this one implies ({@code also=})
 */
record Entity(String id, Kind kind, String parent, List<String> also) {

    enum Kind {
        COUNTRY, PLACE, ORG, PERSON, TOPIC;

        /** Places and countries locate a story; two stories in places that do not contain each other are two events. */
        boolean isPlace() {
            return this == COUNTRY || this == PLACE;
        }

        /** Topics only ever count in favour of a match; names must agree. */
        boolean isName() {
            return this != TOPIC;
        }
    }

    Entity {
        also = List.copyOf(also);
    }
}
