package uz.karvon.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read key by key, reporting every type error and unknown key with its line and column.
 * Getters never throw: they record a problem and return the default, so one pass finds every mistake.
 */
final class YamlMap {
    private final Problems problems;
    private final Node node;
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    YamlMap(Problems problems, Node node, String path) {
        this.problems = problems;
        this.node = node;
        this.path = path;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    problems.at(t.getKeyNode(), where() + "keys must be plain words");
                    continue;
                }
                if (entries.putIfAbsent(k.getValue(), t) != null) {
                    problems.at(k, "duplicate key '" + qualified(k.getValue()) + "'");
                }
            }
        } else if (node != null && !isNull(node)) {
            problems.at(node, (path.isEmpty() ? "the file" : path) + ": expected a mapping of key: value lines");
        }
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null") || s.getValue().isEmpty());
    }

    Node node() { return node; }

    boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
    }

    Node valueNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? node : t.getValueNode();
    }

    String qualified(String key) { return path.isEmpty() ? key : path + "." + key; }

    private String where() { return path.isEmpty() ? "" : path + ": "; }

    String string(String key, String def) {
        read.add(key);
        if (!has(key)) return def;
        Node v = entries.get(key).getValueNode();
        if (v instanceof ScalarNode s) return s.getValue().trim();
        problems.at(v, qualified(key) + ": expected a single value, got a " + kind(v));
        return def;
    }

    String required(String key) {
        String s = string(key, null);
        if (s == null && !reportedType(key)) problems.at(node, "missing required key '" + qualified(key) + "'");
        return s;
    }

    private boolean reportedType(String key) {
        return has(key) && !(entries.get(key).getValueNode() instanceof ScalarNode);
    }

    int integer(String key, int def, int min, int max) {
        String s = string(key, null);
        if (s == null) return def;
        try {
            int v = Integer.parseInt(s.replace("_", ""));
            if (v < min || v > max) {
                problems.at(valueNode(key), qualified(key) + ": " + v + " is out of range; expected " + min + " to " + max);
                return def;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.at(valueNode(key), qualified(key) + ": expected a whole number, got \"" + s + "\"");
            return def;
        }
    }

    long size(String key, long def, long min, long max) {
        String s = string(key, null);
        if (s == null) return def;
        Long v = ByteSizes.parse(s);
        if (v == null) {
            problems.at(valueNode(key), qualified(key) + ": expected a size such as 512KB, 16MB or 1048576, got \"" + s + "\"");
            return def;
        }
        if (v < min || v > max) {
            problems.at(valueNode(key), qualified(key) + ": " + s + " is out of range; expected "
                    + ByteSizes.format(min) + " to " + ByteSizes.format(max));
            return def;
        }
        return v;
    }

    boolean bool(String key, boolean def) {
        String s = string(key, null);
        if (s == null) return def;
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on": return true;
            case "false", "no", "off": return false;
            default:
                problems.at(valueNode(key), qualified(key) + ": expected true or false, got \"" + s + "\"");
                return def;
        }
    }

    Duration duration(String key, Duration def, Duration min, Duration max) {
        String s = string(key, null);
        if (s == null) return def;
        Duration d = Durations.parse(s);
        if (d == null) {
            problems.at(valueNode(key), qualified(key) + ": \"" + s + "\" is not an interval; expected " + Durations.ACCEPTED);
            return def;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problems.at(valueNode(key), qualified(key) + ": " + s + " is out of range; expected "
                    + Durations.format(min) + " to " + Durations.format(max));
            return def;
        }
        return d;
    }

    /** A list of words; a single scalar is accepted as a one-element list. */
    List<String> strings(String key) {
        read.add(key);
        if (!has(key)) return List.of();
        Node v = entries.get(key).getValueNode();
        if (v instanceof ScalarNode s) return List.of(s.getValue().trim());
        List<String> out = new ArrayList<>();
        if (v instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s) out.add(s.getValue().trim());
                else problems.at(n, qualified(key) + ": expected a list of words, got a " + kind(n) + " inside it");
            }
        } else {
            problems.at(v, qualified(key) + ": expected a list, got a " + kind(v));
        }
        return out;
    }

    /** Scalar nodes of a list, for callers that need each element's position. */
    List<Node> stringNodes(String key) {
        read.add(key);
        if (!has(key)) return List.of();
        Node v = entries.get(key).getValueNode();
        if (v instanceof ScalarNode) return List.of(v);
        if (v instanceof SequenceNode seq) {
            List<Node> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode) out.add(n);
                else problems.at(n, qualified(key) + ": expected a list of words, got a " + kind(n) + " inside it");
            }
            return out;
        }
        problems.at(v, qualified(key) + ": expected a list, got a " + kind(v));
        return List.of();
    }

    YamlMap map(String key) {
        read.add(key);
        return new YamlMap(problems, has(key) ? entries.get(key).getValueNode() : null, qualified(key));
    }

    List<YamlMap> maps(String key) {
        read.add(key);
        if (!has(key)) return List.of();
        Node v = entries.get(key).getValueNode();
        List<YamlMap> out = new ArrayList<>();
        if (v instanceof SequenceNode seq) {
            int i = 0;
            for (Node n : seq.getValue()) {
                out.add(new YamlMap(problems, n, qualified(key) + "[" + i++ + "]"));
            }
        } else {
            problems.at(v, qualified(key) + ": expected a list of entries (lines starting with '- '), got a " + kind(v));
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        read.add(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (!has(key)) return out;
        Node v = entries.get(key).getValueNode();
        if (v instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode s) {
                    out.put(k.getValue(), s.getValue());
                } else {
                    problems.at(t.getKeyNode(), qualified(key) + ": expected name: value pairs");
                }
            }
        } else {
            problems.at(v, qualified(key) + ": expected name: value pairs, got a " + kind(v));
        }
        return out;
    }

    /** The keys of this mapping, in file order. */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** Reports every key that no getter asked for, with a suggestion when one is close. */
    void rejectUnknownKeys() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (read.contains(e.getKey())) continue;
            String hint = Suggest.closest(e.getKey(), read);
            problems.at(e.getValue().getKeyNode(), "unknown key '" + qualified(e.getKey()) + "'"
                    + (hint != null ? "; did you mean '" + hint + "'?" : "; known keys: " + String.join(", ", read)));
        }
    }

    static String kind(Node n) {
        if (n instanceof MappingNode) return "mapping";
        if (n instanceof SequenceNode) return "list";
        return "value";
    }
}
