package uz.karvon.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * {@code media_topics:} in feeds.yml: which IPTC Media Topic each section (or category) stands for in ninjs
 * {@code subjects}. A value is the eight-digit code, {@code medtop:CODE} or the concept URI, or a mapping
 * {@code {code: …, name: …}} when the label should differ from the section name. Keys are matched
 * case-insensitively.
 */
final class MediaTopicTable {
    /** Media Topic concept ids are eight digits (https://cv.iptc.org/newscodes/mediatopic/). */
    private static final Pattern CODE = Pattern.compile(
            "(?:medtop:|https?://cv\\.iptc\\.org/newscodes/mediatopic/)?(\\d{8})", Pattern.CASE_INSENSITIVE);

    private MediaTopicTable() {}

    static Map<String, KarvonConfig.MediaTopic> read(YamlMap m, Problems p) {
        Map<String, KarvonConfig.MediaTopic> out = new LinkedHashMap<>();
        for (String section : m.keys()) {
            Node v = m.valueNode(section);
            String code;
            String name = section;
            Node codeNode = v;
            if (v instanceof MappingNode) {
                YamlMap entry = m.map(section);
                code = entry.required("code");
                name = entry.string("name", section);
                codeNode = entry.valueNode("code");
                entry.rejectUnknownKeys();
            } else if (v instanceof ScalarNode) {
                code = m.string(section, null);
            } else {
                m.string(section, null); // reports the list
                continue;
            }
            if (code == null) {
                if (!(v instanceof MappingNode)) p.at(v, m.qualified(section) + ": expected a Media Topic code such as 04000000");
                continue;
            }
            Matcher c = CODE.matcher(code.trim());
            if (!c.matches()) {
                p.at(codeNode, m.qualified(section) + ": \"" + code + "\" is not an IPTC Media Topic code; expected eight"
                        + " digits such as 04000000 (or medtop:04000000, or http://cv.iptc.org/newscodes/mediatopic/04000000)");
                continue;
            }
            out.put(section.trim().toLowerCase(Locale.ROOT), new KarvonConfig.MediaTopic(c.group(1), name));
        }
        m.rejectUnknownKeys();
        return out;
    }
}
