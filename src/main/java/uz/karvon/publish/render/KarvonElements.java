package uz.karvon.publish.render;

import java.util.ArrayList;
import java.util.List;

import org.jdom2.Element;

/**
 * Agency extension elements in {@code https://karvon.uz/ns/1.0}, the same in RSS and Atom:
 * {@code karvon:embargoUntil}, {@code karvon:correction}, {@code karvon:dateline},
 * {@code karvon:machineTransliterated}, {@code karvon:credit}, {@code karvon:cluster} (the event's stable id) and
 * {@code karvon:alsoReportedBy} (feeds with one item per event).
 */
final class KarvonElements {
    private KarvonElements() {
    }

    static List<Element> of(Entry e) {
        List<Element> out = new ArrayList<>();
        if (e.embargo() != null) {
            out.add(text("embargoUntil", Dates.rfc3339(e.embargo().until())));
        }
        if (e.correctionNote() != null) {
            out.add(text("correction", e.correctionNote()));
        }
        if (e.dateline() != null) {
            out.add(text("dateline", e.dateline()));
        }
        if (e.machineTransliterated()) {
            out.add(text("machineTransliterated", "true"));
        }
        if (e.credit() != null) {
            Element c = text("credit", e.credit().name());
            if (e.credit().sourceId() != null) {
                c.setAttribute("sourceId", e.credit().sourceId());
            }
            if (e.credit().url() != null) {
                c.setAttribute("url", e.credit().url());
            }
            out.add(c);
        }
        if (e.cluster() != null) {
            out.add(text("cluster", e.cluster().id()));
            for (String name : e.cluster().alsoReportedBy()) {
                out.add(text("alsoReportedBy", name));
            }
        }
        return out;
    }

    private static Element text(String name, String value) {
        Element el = new Element(name, Namespaces.KARVON);
        el.setText(value);
        return el;
    }
}
