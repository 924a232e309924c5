package uz.karvon.publish.render;

import java.util.List;
import java.util.Objects;

/**
 * An entry's event cluster: its stable id, the other stories of the event this feed may link to, and, when the
 * feed shows one item per event, who else reported it.
 */
public record ClusterInfo(String id, List<Related> related, List<String> alsoReportedBy) {
    public ClusterInfo {
        Objects.requireNonNull(id, "cluster id");
        related = related == null ? List.of() : List.copyOf(related);
        alsoReportedBy = alsoReportedBy == null ? List.of() : List.copyOf(alsoReportedBy);
    }
}
