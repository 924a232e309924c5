package uz.karvon.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The region's places, institutions, leaders and news topics, each under one id whatever the language
 * or script it is written in. The shipped list is {@code src/main/resources/cluster/gazetteer.txt}
 * (its header documents the format); admins add entries, or forms to shipped entries, in files of their
 * own ({@link #withFiles}).
 *
 * <p>Every country also carries its CLDR names ({@code cluster/countries.txt}, generated). A form is found in the language it is listed for; names (not topics) are also found in every other
 * language written in the same script, so "Toshkent" in English text still counts. Two entries may not
 * share a form in one language. Immutable and thread-safe.
 */
public final class Gazetteer {

    /** Generated from CLDR by CountryTable (src/test); its forms never clash with the hand-written ones, they give way. */
    private static final String COUNTRIES = "countries.txt";

    private final Map<String, Entity> entities;
    private final Map<String, Set<String>> ancestors;
    private final Map<Group, PhraseIndex<Entity>> indexes;

    private Gazetteer(Map<String, Entity> entities, Map<String, Set<String>> ancestors, Map<Group, PhraseIndex<Entity>> indexes) {
        this.entities = entities;
        this.ancestors = ancestors;
        this.indexes = indexes;
    }

    private static final class Standard {
        static final Gazetteer INSTANCE;

        static {
            try {
                INSTANCE = of(shipped());
            } catch (GazetteerException | IOException e) {
                throw new IllegalStateException("cluster: shipped gazetteer is broken: " + e.getMessage(), e);
            }
        }
    }

    /** The shipped gazetteer. */
    public static Gazetteer standard() {
        return Standard.INSTANCE;
    }

    /** The shipped gazetteer extended by the given files, in order. */
    public static Gazetteer withFiles(List<Path> files) throws GazetteerException {
        if (files.isEmpty()) {
            return standard();
        }
        try {
            List<GazetteerParser.Line> lines = shipped();
            for (Path f : files) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(f),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
                    lines.addAll(GazetteerParser.parse(f.toString(), r));
                } catch (NoSuchFileException e) {
                    throw new GazetteerException(f + ": no such file");
                } catch (CharacterCodingException e) {
                    throw new GazetteerException(f + ": not UTF-8 text");
                } catch (IOException e) {
                    throw new GazetteerException(f + ": cannot read: " + e.getMessage());
                }
            }
            return of(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<GazetteerParser.Line> shipped() throws IOException, GazetteerException {
        List<GazetteerParser.Line> lines = new ArrayList<>(resource("gazetteer.txt"));
        lines.addAll(resource(COUNTRIES));
        return lines;
    }

    private static List<GazetteerParser.Line> resource(String name) throws IOException, GazetteerException {
        InputStream in = Gazetteer.class.getResourceAsStream("/cluster/" + name);
        if (in == null) {
            throw new IOException("missing resource /cluster/" + name);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return GazetteerParser.parse(name, r);
        }
    }

    /** Merges lines by id, checks references, and compiles each language group's phrase index. */
    static Gazetteer of(List<GazetteerParser.Line> listed) throws GazetteerException {
        record Form(String where, String tag, String text) {}
        List<GazetteerParser.Line> lines = listed;
        Map<String, GazetteerParser.Line> first = new LinkedHashMap<>();
        Map<String, Entity> entities = new LinkedHashMap<>();
        Map<String, List<Form>> forms = new LinkedHashMap<>();
        for (GazetteerParser.Line l : lines) {
            GazetteerParser.Line seen = first.putIfAbsent(l.id(), l);
            Entity e = entities.get(l.id());
            if (e == null) {
                e = new Entity(l.id(), l.kind(), l.parent(), l.also());
            } else {
                if (e.kind() != l.kind()) {
                    throw new GazetteerException(l.where() + ": " + l.id() + " is of kind " + name(l.kind()) + " here but "
                            + name(e.kind()) + " at " + seen.where());
                }
                if (l.parent() != null && e.parent() != null && !l.parent().equals(e.parent())) {
                    throw new GazetteerException(l.where() + ": " + l.id() + " is in=" + l.parent() + " here but in="
                            + e.parent() + " at " + seen.where());
                }
                Set<String> also = new LinkedHashSet<>(e.also());
                also.addAll(l.also());
                e = new Entity(e.id(), e.kind(), e.parent() != null ? e.parent() : l.parent(), new ArrayList<>(also));
            }
            entities.put(l.id(), e);
            List<Form> list = forms.computeIfAbsent(l.id(), k -> new ArrayList<>());
            l.forms().forEach((tag, texts) -> texts.forEach(t -> list.add(new Form(l.where(), tag, t))));
        }
        for (GazetteerParser.Line l : lines) {
            if (l.parent() != null && !entities.containsKey(l.parent())) {
                throw new GazetteerException(l.where() + ": in=" + l.parent() + ": no such entry");
            }
            if (l.parent() != null && !entities.get(l.parent()).kind().isPlace()) {
                throw new GazetteerException(l.where() + ": in=" + l.parent() + ": of kind " + name(entities.get(l.parent()).kind())
                        + ", expected a place or country");
            }
            for (String a : l.also()) {
                if (!entities.containsKey(a)) {
                    throw new GazetteerException(l.where() + ": also=" + a + ": no such entry");
                }
            }
        }
        Map<String, Set<String>> ancestors = new LinkedHashMap<>();
        for (Entity e : entities.values()) {
            Set<String> chain = new LinkedHashSet<>();
            for (String p = e.parent(); p != null; p = entities.get(p).parent()) {
                if (p.equals(e.id()) || !chain.add(p)) {
                    throw new GazetteerException(first.get(e.id()).where() + ": in= goes round in a circle from " + e.id());
                }
            }
            ancestors.put(e.id(), Set.copyOf(chain));
        }

        Map<Group, PhraseIndex<Entity>> indexes = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            indexes.put(g, new PhraseIndex<>(g));
        }
        // own language first: a clash there is an error; then names into the other languages of the script
        Map<Group, Map<String, String>> where = new EnumMap<>(Group.class);
        for (Map.Entry<String, List<Form>> en : forms.entrySet()) {
            Entity e = entities.get(en.getKey());
            for (Form f : en.getValue()) {
                Group g = Group.of(f.tag(), f.text());
                String prepared = TextPrep.prepare(f.text(), g);
                PhraseIndex<Entity> index = indexes.get(g);
                if (index.key(prepared) == null) {
                    throw new GazetteerException(f.where() + ": form '" + f.text() + "' has no letters");
                }
                Entity clash = index.add(prepared, e);
                if (clash != null && !f.where().startsWith(COUNTRIES + ":")) {   // CLDR names yield to the hand-written ones
                    throw new GazetteerException(f.where() + ": '" + f.text() + "' (" + f.tag() + ") already names "
                            + clash.id() + " (" + where.get(g).get(index.key(prepared)) + ")");
                }
                where.computeIfAbsent(g, k -> new LinkedHashMap<>()).putIfAbsent(index.key(prepared), f.where());
            }
        }
        for (Map.Entry<String, List<Form>> en : forms.entrySet()) {
            Entity e = entities.get(en.getKey());
            if (!e.kind().isName()) {
                continue;
            }
            for (Form f : en.getValue()) {
                Group own = Group.of(f.tag(), f.text());
                String prepared = TextPrep.prepare(f.text(), own);
                Group.Script script = own == Group.ZH ? Group.Script.HAN : Group.dominantScript(prepared);
                for (Group g : Group.values()) {
                    if (g != own && g.script == script && script != Group.Script.NONE) {
                        indexes.get(g).add(prepared, e);
                    }
                }
            }
        }
        return new Gazetteer(Map.copyOf(entities), Map.copyOf(ancestors), indexes);
    }

    private static String name(Entity.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    /** The entities named in one text: tokens for Latin, Cyrillic and Arabic; the lower-cased text for Chinese. */
    List<PhraseIndex.Match<Entity>> find(Group group, List<Token> tokens, String lowerText) {
        PhraseIndex<Entity> index = indexes.get(group);
        return group == Group.ZH ? index.matchText(lowerText) : index.matchTokens(tokens);
    }

    Entity get(String id) {
        return entities.get(id);
    }

    /** The places that contain this entry, nearest first (empty for a country or an entry without in=). */
    Set<String> ancestors(String id) {
        return ancestors.getOrDefault(id, Set.of());
    }

    /** Number of entries. */
    public int size() {
        return entities.size();
    }
}
