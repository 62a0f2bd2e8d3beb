package dev.keel.diagram;

import dev.keel.diagram.SchemaDiagram.Attribute;
import dev.keel.diagram.SchemaDiagram.Entity;
import dev.keel.diagram.SchemaDiagram.Mark;
import dev.keel.diagram.SchemaDiagram.Relation;
import dev.keel.migration.MigrationKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pictures as Mermaid text, which GitHub and GitLab draw in Markdown: the schema as an {@code erDiagram},
 * the migration graph as a {@code flowchart}. Only the part of Mermaid's grammar that its older releases read
 * too is written: bare names only where they are plain words and no keyword, double-quoted names otherwise,
 * attribute types and names reduced to the characters every release accepts (the exact text then in the
 * attribute's comment). Pure: the same diagram gives the same text.
 */
public final class Mermaid {
    private Mermaid() {}

    /** A word Mermaid takes bare, as an entity, an attribute's type or its name. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A type as every release reads it: varchar(255), text[], timestamptz(6). */
    private static final String TYPE_CHARS = "A-Za-z0-9_()\\[\\]";
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_][" + TYPE_CHARS + "]*");
    /** Words the erDiagram grammar reads as keywords outside an entity's block. */
    private static final Set<String> ER_KEYWORDS = Set.of("erdiagram", "style", "classdef", "class", "subgraph", "end",
            "direction", "one", "many", "only", "zero", "optionally", "to", "u", "o", "acctitle", "accdescr", "pk", "fk",
            "uk");
    /** Words the erDiagram grammar reads as keys inside an entity's block. */
    private static final Set<String> KEYS = Set.of("pk", "fk", "uk");
    /** PostgreSQL's long type names and the short names PostgreSQL also accepts, which are single words. */
    private static final List<String[]> SHORT_TYPES = List.of(
            new String[] {"timestamp\\((\\d+)\\) with time zone", "timestamptz($1)"},
            new String[] {"timestamp with time zone", "timestamptz"},
            new String[] {"timestamp\\((\\d+)\\) without time zone", "timestamp($1)"},
            new String[] {"timestamp without time zone", "timestamp"},
            new String[] {"time\\((\\d+)\\) with time zone", "timetz($1)"},
            new String[] {"time with time zone", "timetz"},
            new String[] {"time\\((\\d+)\\) without time zone", "time($1)"},
            new String[] {"time without time zone", "time"},
            new String[] {"character varying", "varchar"},
            new String[] {"character", "char"},
            new String[] {"double precision", "float8"},
            new String[] {"bit varying", "varbit"});

    // ---- the schema ----------------------------------------------------------------------------------

    /** The schema as a Mermaid {@code erDiagram}. */
    public static String er(SchemaDiagram diagram) {
        var out = new StringBuilder("erDiagram\n");
        var names = new Names();
        for (Entity e : diagram.entities()) {
            names.entity(e.name());
        }
        for (Entity e : diagram.entities()) {
            out.append("    ").append(names.entity(e.name()));
            if (e.attributes().isEmpty()) {
                out.append(" {\n    }\n");
                continue;
            }
            out.append(" {\n");
            for (Attribute a : e.attributes()) {
                out.append("        ").append(attribute(a)).append('\n');
            }
            out.append("    }\n");
        }
        for (Relation r : diagram.relations()) {
            String label = String.join(", ", r.columns()) + (r.mark() == Mark.NONE ? "" : " (" + r.mark().text() + ")");
            out.append("    ").append(names.entity(r.from())).append(' ').append(r.oneToOne() ? "|o" : "}o")
                    .append(r.enforced() ? "--" : "..").append(r.optional() ? "o|" : "||").append(' ')
                    .append(names.entity(r.to())).append(" : ").append(quoted(label)).append('\n');
        }
        return out.toString();
    }

    private static String attribute(Attribute a) {
        String type = shortType(a.type());
        String typeWord = TYPE.matcher(type).matches() && !KEYS.contains(type.toLowerCase(Locale.ROOT)) ? type
                : word(type, TYPE_CHARS);
        String nameWord = WORD.matcher(a.name()).matches() && !KEYS.contains(a.name().toLowerCase(Locale.ROOT))
                ? a.name() : word(a.name(), "A-Za-z0-9_");
        var keys = new ArrayList<String>();
        if (a.primaryKey()) {
            keys.add("PK");
        }
        if (a.foreignKey()) {
            keys.add("FK");
        }
        if (a.unique() && !a.primaryKey()) {
            keys.add("UK");
        }
        var notes = new ArrayList<String>();
        if (!nameWord.equals(a.name())) {
            notes.add("column " + a.name());
        }
        if (!typeWord.equals(type)) {
            notes.add("type " + a.type());
        }
        if (a.nullable()) {
            notes.add("nullable");
        }
        if (!a.uniqueWith().isEmpty()) {
            notes.add("unique with " + String.join(", ", a.uniqueWith()));
        }
        if (a.mark() != Mark.NONE) { // Mermaid has no word for a table: an added or removed table's columns say it
            notes.add(a.mark().text() + (a.was() == null ? "" : ", was " + a.was()));
        }
        return typeWord + " " + nameWord + (keys.isEmpty() ? "" : " " + String.join(", ", keys))
                + (notes.isEmpty() ? "" : " " + quoted(String.join("; ", notes)));
    }

    /** The type under a name PostgreSQL also accepts that is one word where one exists: timestamptz(6). */
    static String shortType(String type) {
        for (String[] s : SHORT_TYPES) {
            String shorter = type.replaceAll("^" + s[0] + "(?=$|\\(|\\[)", s[1]);
            if (!shorter.equals(type)) {
                return shorter;
            }
        }
        return type;
    }

    /** {@code text} with each run of characters outside {@code allowed} (a regex class body) as one underscore. */
    private static String word(String text, String allowed) {
        String w = text.replaceAll("[^" + allowed + "]+", "_");
        if (w.isEmpty() || !WORD.matcher(w.substring(0, 1)).matches()) {
            w = "_" + w;
        }
        return KEYS.contains(w.toLowerCase(Locale.ROOT)) ? w + "_" : w;
    }

    /**
     * Entity names as written: bare when a plain word and no keyword, else double-quoted without the characters
     * a quoted name cannot hold ({@code " % \} and controls); two tables that would read the same get a suffix.
     */
    private static final class Names {
        private final Map<String, String> written = new HashMap<>();
        private final Set<String> taken = new HashSet<>();

        String entity(String name) {
            return written.computeIfAbsent(name, n -> {
                String w = WORD.matcher(n).matches() && !ER_KEYWORDS.contains(n.toLowerCase(Locale.ROOT)) ? n
                        : quoted(n);
                String unique = w;
                for (int i = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); i++) {
                    unique = w.startsWith("\"") ? w.substring(0, w.length() - 1) + "_" + i + "\"" : w + "_" + i;
                }
                return unique;
            });
        }
    }

    /** {@code "text"}, without the characters a quoted Mermaid string cannot hold. */
    private static String quoted(String text) {
        var b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            b.append(c == '"' ? '\'' : c == '%' || c == '\\' || Character.isISOControl(c) ? '_' : c);
        }
        return b.append('"').toString();
    }

    // ---- the migration graph -------------------------------------------------------------------------

    /** The migration graph as a Mermaid {@code flowchart}: a subgraph per app, dependencies as arrows. */
    public static String flowchart(MigrationDiagram diagram) {
        var out = new StringBuilder("flowchart TB\n");
        var ids = new Ids();
        for (String app : diagram.apps()) {
            out.append("    subgraph ").append(ids.of("app " + app)).append('[').append(label(app)).append("]\n");
            for (MigrationDiagram.Node n : diagram.nodes()) {
                if (n.key().app().equals(app)) {
                    out.append("        ").append(ids.of(n.key())).append(shape(n)).append('\n');
                }
            }
            out.append("    end\n");
        }
        for (MigrationDiagram.Edge e : diagram.edges()) {
            out.append("    ").append(ids.of(e.from())).append(e.replaces() ? " -. replaces .-> " : " --> ")
                    .append(ids.of(e.to())).append('\n');
        }
        for (var kind : List.of(MigrationDiagram.Kind.REPLACED, MigrationDiagram.Kind.MISSING)) {
            List<String> members = diagram.nodes().stream().filter(n -> n.kind() == kind).map(n -> ids.of(n.key())).toList();
            if (!members.isEmpty()) {
                String name = kind.name().toLowerCase(Locale.ROOT);
                out.append("    classDef ").append(name).append(kind == MigrationDiagram.Kind.REPLACED
                        ? " stroke-dasharray: 5 5" : " stroke-dasharray: 2 2").append('\n');
                out.append("    class ").append(String.join(",", members)).append(' ').append(name).append('\n');
            }
        }
        return out.toString();
    }

    private static String shape(MigrationDiagram.Node n) {
        String text = n.key().name() + switch (n.kind()) {
            case MERGE -> " (merge)";
            case SQUASH -> " (squash)";
            case REPLACED -> " (replaced)";
            case MISSING -> " (no file)";
            default -> "";
        } + (n.postDeployment() ? " (post-deploy)" : "");
        String l = label(text);
        return switch (n.kind()) {
            case INITIAL -> "([" + l + "])";
            case MERGE -> "{{" + l + "}}";
            case SQUASH -> "[[" + l + "]]";
            default -> "[" + l + "]";
        };
    }

    /** A flowchart label: double-quoted, quotes and angle brackets as Mermaid's entity codes. */
    private static String label(String text) {
        var b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("#quot;");
                case '<' -> b.append("#lt;");
                case '>' -> b.append("#gt;");
                case '#' -> b.append("#35;");
                default -> b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * Flowchart ids: {@code m_} and the key's characters that are letters, digits or underscores (so that no id is
     * a keyword such as {@code end}, nor starts an edge's {@code o} or {@code x} end), made unique by a suffix.
     */
    private static final class Ids {
        private final Map<Object, String> ids = new HashMap<>();
        private final Set<String> taken = new HashSet<>();

        String of(MigrationKey key) {
            return of((Object) key);
        }

        String of(Object key) {
            return ids.computeIfAbsent(key, k -> {
                String text = k instanceof MigrationKey m ? m.app() + "__" + m.name() : k.toString();
                String base = (k instanceof MigrationKey ? "m_" : "") + text.replaceAll("[^A-Za-z0-9_]", "_");
                String id = base;
                for (int i = 2; !taken.add(id); i++) {
                    id = base + "_" + i;
                }
                return id;
            });
        }
    }
}
