package uz.karvon.config;

import com.ibm.icu.text.Transliterator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adds sources to feeds.yml as text: the new entries go after the last item of {@code sources:} (or replace an
 * empty {@code sources: []}, or start the list at the end of the file), in the file's own indentation, so every
 * comment and every other line stays as it was. Ids are derived from titles (transliterated to ASCII, lower case,
 * made unique); feeds whose URL is already configured are skipped.
 */
public final class SourcesAppender {
    private static final Transliterator ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    /** Text YAML reads as itself without quotes (in block context; ": " and " #" are checked apart). */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M} ._/()«»ʻʼ’,&+:?=%~#@!;-]*");
    private static final int MAX_ID = 48;

    private SourcesAppender() {}

    /** A source to add. */
    public record NewSource(String title, String url, String language) {}

    /** The file's new text, the ids given, and the feeds skipped because their URL is already a source. */
    public record Result(String text, List<String> added, List<String> skipped) {}

    /**
     * @param existing the sources the file defines now (their ids and URLs are taken)
     * @throws ConfigException when the file's {@code sources:} is not a list this can extend (flow style with items)
     */
    public static Result append(String name, String text, List<KarvonConfig.SourceSpec> existing, List<NewSource> sources)
            throws ConfigException {
        Set<String> ids = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (KarvonConfig.SourceSpec s : existing) {
            ids.add(s.id());
            urls.add(s.url().toString());
        }
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        Node list = null;
        NodeTuple key = null;
        if (root instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("sources")) {
                    key = t;
                    list = t.getValueNode();
                }
            }
        }
        String item = "  - ";
        String keyIndent = "    ";
        boolean emptyList = list instanceof SequenceNode seq0 && seq0.getValue().isEmpty()
                || list instanceof ScalarNode sc && sc.getValue().isEmpty();
        if (list instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                throw new ConfigException(List.of(new ConfigProblem(name, seq.getStartMark().getLine() + 1,
                        seq.getStartMark().getColumn() + 1, "sources: written in flow style ([…]); rewrite it as a block"
                        + " list (one '- id: …' per source) so that sources can be appended")));
            }
            int dashColumn = seq.getStartMark().getColumn();
            int keyColumn = seq.getValue().get(0).getStartMark().getColumn();
            item = " ".repeat(dashColumn) + "-" + " ".repeat(Math.max(1, keyColumn - dashColumn - 1));
            keyIndent = " ".repeat(Math.max(keyColumn, dashColumn + 2));
        } else if (key != null && !emptyList) {
            throw new ConfigException(List.of(new ConfigProblem(name, list.getStartMark().getLine() + 1,
                    list.getStartMark().getColumn() + 1, "sources: expected a list of sources")));
        }
        StringBuilder add = new StringBuilder();
        List<String> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (NewSource s : sources) {
            if (!urls.add(s.url())) {
                skipped.add(s.url());
                continue;
            }
            String id = uniqueId(s.title(), s.url(), ids);
            added.add(id);
            add.append(item).append("id: ").append(id).append(nl);
            if (s.title() != null) add.append(keyIndent).append("title: ").append(scalar(s.title())).append(nl);
            add.append(keyIndent).append("url: ").append(scalar(s.url())).append(nl);
            if (s.language() != null) add.append(keyIndent).append("language: ").append(s.language()).append(nl);
        }
        if (added.isEmpty()) return new Result(text, added, skipped);
        String out;
        if (key == null) { // no sources: yet, the list starts at the end of the file
            String body = text.isEmpty() || text.endsWith("\n") ? text : text + nl;
            out = body + nl + "sources:" + nl + add;
        } else if (emptyList) { // "sources: []" or "sources:" becomes "sources:" followed by the items
            int lineEnd = endOfLine(text, key.getKeyNode().getEndMark().getIndex());
            String line = list instanceof SequenceNode
                    ? text.substring(0, list.getStartMark().getIndex()) + text.substring(list.getEndMark().getIndex(), lineEnd)
                    : text.substring(0, lineEnd);
            out = line.replaceAll("[ \\t]+$", "") + nl + add + text.substring(skipNewline(text, lineEnd));
        } else { // after the line where the last item ends
            int at = endOfLine(text, lastScalarEnd(list));
            out = text.substring(0, at) + nl + add + text.substring(skipNewline(text, at));
        }
        return new Result(out, added, skipped);
    }

    /** The end of the last scalar inside a node: where the text of its last item ends. */
    private static int lastScalarEnd(Node n) {
        if (n instanceof ScalarNode) return n.getEndMark().getIndex();
        int end = n.getStartMark().getIndex();
        if (n instanceof SequenceNode s) for (Node c : s.getValue()) end = Math.max(end, lastScalarEnd(c));
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) end = Math.max(end, Math.max(lastScalarEnd(t.getKeyNode()), lastScalarEnd(t.getValueNode())));
        }
        return end;
    }

    /** The index of the line break that ends the line holding {@code i} (a trailing comment stays on its line). */
    private static int endOfLine(String text, int i) {
        int nl = text.indexOf('\n', i);
        if (nl < 0) return text.length();
        return nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    private static int skipNewline(String text, int i) {
        if (text.startsWith("\r\n", i)) return i + 2;
        if (text.startsWith("\n", i)) return i + 1;
        return i;
    }

    /** {@code "Oʻzbekiston Milliy axborot agentligi"} → {@code ozbekiston-milliy-axborot-agentligi}, unique among {@code taken}. */
    static String uniqueId(String title, String url, Set<String> taken) {
        String base = slug(title);
        if (base.isEmpty()) base = slug(hostOf(url));
        if (base.isEmpty()) base = "source";
        String id = base;
        for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
        return id;
    }

    static String slug(String s) {
        if (s == null) return "";
        // apostrophes are letters of Uzbek words (Oʻzbekiston), not word breaks
        String ascii = ASCII.transliterate(s.replaceAll("[ʻʼ'’‘`]", "")).toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_ID) slug = slug.substring(0, MAX_ID).replaceAll("-+$", "");
        return slug;
    }

    private static String hostOf(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? "" : h.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A YAML scalar: plain when nothing in it means something to YAML, else double-quoted with escapes. */
    static String scalar(String v) {
        if (PLAIN.matcher(v).matches() && !v.contains(": ") && !v.contains(" #") && !v.endsWith(" ") && !v.endsWith(":")
                && !Set.of("true", "false", "yes", "no", "on", "off", "null", "~").contains(v.toLowerCase(Locale.ROOT))) {
            return v;
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F) b.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
