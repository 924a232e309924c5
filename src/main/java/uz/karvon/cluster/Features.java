package uz.karvon.cluster;

import java.util.Map;
import java.util.Set;

/**
 * What the clusterer compares of a story, computed once when it arrives.
 *
 * @param terms   words (stems; character pairs in Chinese) and their weights, compared within a language group
 * @param anchors evidence that crosses languages: gazetteer entries ({@code c:} country, {@code p:} place,
 *                {@code o:} org, {@code h:} person, {@code t:} topic), numbers {@code n:}, dates {@code d:},
 *                years {@code y:}, names by sound {@code k:}
 * @param numbers the {@code n:} anchors
 * @param titleNumbers the {@code n:} anchors of the title
 * @param dates   the {@code d:} anchors
 * @param named   places named, or implied by an institution or a person named (the CBU: Uzbekistan)
 * @param places  the named places with every place containing them
 * @param leaves  the named places that contain no other of them (the most precise)
 * @param persons the people named (gazetteer ids)
 * @param titlePlaces  the places the title names or implies, each with the places containing it
 * @param titlePersons the people the title names
 */
record Features(String id, Group group, long time, Map<String, Float> terms, Set<String> anchors,
                Set<String> numbers, Set<String> titleNumbers, Set<String> dates, Set<String> named, Set<String> places, Set<String> leaves,
                Set<String> persons, Map<String, Set<String>> titlePlaces, Set<String> titlePersons) {

    /** The kind of an anchor key, from its prefix. */
    static char kind(String anchor) {
        return anchor.charAt(0);
    }
}
