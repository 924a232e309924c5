package uz.karvon.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import uz.karvon.lang.LangTags;

/**
 * Reads the gazetteer format, one entry per line:
 * <pre>ID KIND [in=PARENT] [also=ID,ID] | LANG form; form | LANG form; …</pre>
 * Comments start with {@code #}. Errors name the file and line and say what was expected.
 */
final class GazetteerParser {

    /** One line of a gazetteer file, before it is merged with the others. */
    record Line(String where, String id, Entity.Kind kind, String parent, List<String> also, Map<String, List<String>> forms) {}

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private GazetteerParser() {
    }

    static List<Line> parse(String source, BufferedReader in) throws IOException, GazetteerException {
        List<Line> out = new ArrayList<>();
        int number = 0;
        for (String raw; (raw = in.readLine()) != null; ) {
            number++;
            String line = raw.strip();
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            out.add(line(source + ":" + number, line));
        }
        return out;
    }

    private static Line line(String where, String line) throws GazetteerException {
        String[] parts = line.split("\\|");
        String[] head = parts[0].strip().split("\\s+");
        if (head.length < 2 || parts.length < 2) {
            throw new GazetteerException(where + ": expected 'ID KIND [in=ID] [also=ID,…] | LANG form; form | …', got '" + abbreviate(line) + "'");
        }
        String id = head[0];
        if (!ID.matcher(id).matches()) {
            throw new GazetteerException(where + ": id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        Entity.Kind kind;
        try {
            kind = Entity.Kind.valueOf(head[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GazetteerException(where + ": unknown kind '" + head[1] + "' (expected country, place, org, person or topic)");
        }
        String parent = null;
        List<String> also = new ArrayList<>();
        for (int i = 2; i < head.length; i++) {
            String opt = head[i];
            if (opt.startsWith("in=") && parent == null) {
                parent = checkedId(where, opt.substring(3), "in=");
            } else if (opt.startsWith("also=")) {
                for (String a : opt.substring(5).split(",")) {
                    also.add(checkedId(where, a, "also="));
                }
            } else {
                throw new GazetteerException(where + ": unexpected '" + opt + "' after the kind (expected in=ID or also=ID,ID)");
            }
        }
        Map<String, List<String>> forms = new LinkedHashMap<>();
        for (int p = 1; p < parts.length; p++) {
            String group = parts[p].strip();
            int space = group.indexOf(' ');
            if (space < 0) {
                throw new GazetteerException(where + ": group " + p + " '" + group + "' needs a language and at least one form ('ru Ташкент')");
            }
            String tag = LangTags.normalize(group.substring(0, space));
            if (tag == null) {
                throw new GazetteerException(where + ": '" + group.substring(0, space) + "' is not a BCP 47 language tag (en, uz, uz-Cyrl, ru, zh, ar …)");
            }
            List<String> list = forms.computeIfAbsent(tag, k -> new ArrayList<>());
            for (String f : group.substring(space + 1).split(";")) {
                String form = f.strip();
                if (form.isEmpty()) {
                    throw new GazetteerException(where + ": empty form in the " + tag + " group (two ';' in a row?)");
                }
                list.add(form);
            }
        }
        return new Line(where, id, kind, parent, also, forms);
    }

    private static String checkedId(String where, String id, String option) throws GazetteerException {
        if (!ID.matcher(id).matches()) {
            throw new GazetteerException(where + ": " + option + " expects an id, got '" + id + "'");
        }
        return id;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
