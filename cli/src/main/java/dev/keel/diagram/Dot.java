package dev.keel.diagram;

import dev.keel.diagram.SchemaDiagram.Attribute;
import dev.keel.diagram.SchemaDiagram.Entity;
import dev.keel.diagram.SchemaDiagram.Mark;
import dev.keel.diagram.SchemaDiagram.Relation;

import java.util.ArrayList;
import java.util.List;

/**
 * The pictures as Graphviz DOT text ({@code dot -Tsvg} draws them): each table as an HTML-like label, one row per
 * column, foreign keys as edges from the referencing column to the referenced one; the migration graph with a
 * cluster per app. Every identifier is a double-quoted DOT string and every label text is escaped for HTML, so
 * any table or column name is written as it is. Pure: the same diagram gives the same text.
 */
public final class Dot {
    private Dot() {}

    private static final String FONT = "fontname=\"Helvetica\"";

    // ---- the schema ----------------------------------------------------------------------------------

    /** The schema as a DOT {@code digraph}. */
    public static String er(SchemaDiagram diagram) {
        var out = new StringBuilder("digraph schema {\n");
        out.append("    graph [rankdir=LR, ").append(FONT).append("];\n");
        out.append("    node [shape=plain, ").append(FONT).append(", fontsize=11];\n");
        out.append("    edge [").append(FONT).append(", fontsize=9, arrowhead=none, arrowtail=crow, dir=both];\n");
        for (Entity e : diagram.entities()) {
            out.append("    ").append(id(e.name())).append(" [label=<").append(table(e)).append(">];\n");
        }
        for (Relation r : diagram.relations()) {
            var attrs = new ArrayList<String>();
            attrs.add("label=" + id(String.join(", ", r.columns()) + " \u2192 " + String.join(", ", r.targetColumns())
                    + (r.mark() == Mark.NONE ? "" : " (" + r.mark().text() + ")")));
            attrs.add("arrowhead=" + (r.optional() ? "teeodot" : "teetee"));
            attrs.add("arrowtail=" + (r.oneToOne() ? "teeodot" : "crowodot"));
            if (!r.enforced()) {
                attrs.add("style=dashed");
            }
            String colour = colour(r.mark());
            if (colour != null) {
                attrs.add("color=" + id(colour));
                attrs.add("fontcolor=" + id(colour));
            }
            out.append("    ").append(id(r.from())).append(" -> ").append(id(r.to()))
                    .append(" [").append(String.join(", ", attrs)).append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static String table(Entity e) {
        var t = new StringBuilder("<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">");
        boolean notes = e.attributes().stream().anyMatch(a -> !note(a, e).isEmpty());
        String span = notes ? "4" : "3";
        String title = "<B>" + html(e.name()) + "</B>" + (e.mark() == Mark.NONE ? "" : " (" + e.mark().text() + ")");
        t.append("<TR><TD COLSPAN=\"").append(span).append("\" BGCOLOR=\"").append(e.mark() == Mark.NONE ? "#e8e8e8" : tint(e.mark())).append("\">")
                .append(title).append("</TD></TR>");
        for (Attribute a : e.attributes()) {
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
            t.append("<TR>").append(cell(String.join(", ", keys), a.mark())).append(cell(a.name(), a.mark()))
                    .append(cell(a.type() + (a.nullable() ? " nullable" : ""), a.mark()));
            if (notes) {
                t.append(cell(note(a, e), a.mark()));
            }
            t.append("</TR>");
        }
        for (String u : e.uniques()) {
            t.append("<TR><TD COLSPAN=\"").append(span).append("\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">unique ").append(html(u))
                    .append("</FONT></TD></TR>");
        }
        return t.append("</TABLE>").toString();
    }

    /** What a column's last cell says: how it changed, when its table did not change as a whole. */
    private static String note(Attribute a, Entity e) {
        return a.mark() == Mark.NONE || a.mark() == e.mark() ? "" : a.mark().text() + (a.was() == null ? "" : ", was " + a.was());
    }

    private static String cell(String text, Mark mark) {
        String colour = colour(mark);
        String body = text.isEmpty() ? " " : html(text);
        if (mark == Mark.REMOVED && !text.isEmpty()) {
            body = "<S>" + body + "</S>";
        }
        if (colour != null && !text.isEmpty()) {
            body = "<FONT COLOR=\"" + colour + "\">" + body + "</FONT>";
        }
        return "<TD ALIGN=\"LEFT\">" + body + "</TD>";
    }

    private static String colour(Mark mark) {
        return switch (mark) {
            case ADDED -> "#1a7f37";
            case REMOVED -> "#cf222e";
            case CHANGED, PENDING_DELETION -> "#9a6700";
            case NONE -> null;
        };
    }

    private static String tint(Mark mark) {
        return switch (mark) {
            case ADDED -> "#dafbe1";
            case REMOVED -> "#ffebe9";
            default -> "#fff8c5";
        };
    }

    /** Text for an HTML-like label: {@code & < > "} as entities, so that it stays text. */
    static String html(String text) {
        var b = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A DOT double-quoted string: backslashes and quotes escaped, so that no escape sequence of dot applies. */
    static String id(String text) {
        var b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // ---- the migration graph -------------------------------------------------------------------------

    /** The migration graph as a DOT {@code digraph}: a cluster per app, dependencies as arrows. */
    public static String graph(MigrationDiagram diagram) {
        var out = new StringBuilder("digraph migrations {\n");
        out.append("    graph [rankdir=TB, ").append(FONT).append("];\n");
        out.append("    node [shape=box, style=rounded, ").append(FONT).append(", fontsize=11];\n");
        out.append("    edge [").append(FONT).append(", fontsize=9];\n");
        for (String app : diagram.apps()) {
            out.append("    subgraph ").append(id("cluster_" + app)).append(" {\n");
            out.append("        label=").append(id(app)).append(";\n");
            for (MigrationDiagram.Node n : diagram.nodes()) {
                if (n.key().app().equals(app)) {
                    out.append("        ").append(id(n.key().toString())).append(" [").append(nodeAttributes(n)).append("];\n");
                }
            }
            out.append("    }\n");
        }
        for (MigrationDiagram.Edge e : diagram.edges()) {
            out.append("    ").append(id(e.from().toString())).append(" -> ").append(id(e.to().toString()));
            List<String> attrs = new ArrayList<>();
            if (e.replaces()) {
                attrs.add("style=dashed");
                attrs.add("label=\"replaces\"");
            } else if (e.crossesApps()) {
                attrs.add("style=bold");
            }
            out.append(attrs.isEmpty() ? "" : " [" + String.join(", ", attrs) + "]").append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String nodeAttributes(MigrationDiagram.Node n) {
        String label = n.key().name() + switch (n.kind()) {
            case MERGE -> "\n(merge)";
            case SQUASH -> "\n(squash)";
            case REPLACED -> "\n(replaced)";
            case MISSING -> "\n(no file)";
            default -> "";
        } + (n.postDeployment() ? "\n(post-deploy)" : "");
        var attrs = new ArrayList<String>();
        attrs.add("label=" + id(label.replace("\n", "\u0001")).replace("\u0001", "\\n"));
        switch (n.kind()) {
            case INITIAL -> attrs.add("style=\"rounded,bold\"");
            case MERGE -> attrs.add("shape=hexagon");
            case SQUASH -> attrs.add("shape=box3d");
            case REPLACED, MISSING -> attrs.add("style=\"rounded,dashed\"");
            default -> { }
        }
        return String.join(", ", attrs);
    }
}
