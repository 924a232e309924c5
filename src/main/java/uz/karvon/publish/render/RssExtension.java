package uz.karvon.publish.render;

import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Elements a platform asks for on top of plain RSS 2.0 (Yandex's {@code yandex:full-text}, Dzen's
 * {@code media:rating}, …), added by {@link RssWriter} after its own. Implementations live with the platform's
 * rules (publish.profile); their text goes out as given, so they build it from {@link Entry} fields that have
 * already passed {@link Outgoing}.
 */
public interface RssExtension {
    RssExtension NONE = new RssExtension() {};

    /** Namespaces to declare on the root element (declared only where used). */
    default List<Namespace> namespaces() {
        return List.of();
    }

    /** Extra children of {@code <item>} for this entry. */
    default List<Element> item(Entry e) {
        return List.of();
    }
}
