package dev.keel.runner.internal;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A migration's definition as one canonical text: its dependencies, the migrations it replaces, its
 * flags and every operation with all its values, the SQL of {@code RunSql} included. Equal definitions,
 * however they were read (from source or from the class), give equal texts; any difference in a value
 * gives a different text.
 *
 * <p>Values are written by their structure: a record as its type's simple name and its components
 * ({@code AddField{model="post",name="slug",column=Column{...}}}), strings quoted and escaped, lists in
 * order, sets and maps sorted. A component that is null, false, zero or empty is left out, so that a
 * component a later keel adds with such a default leaves the text of existing migrations as it was.
 */
public final class DefinitionText {
    private DefinitionText() {}

    /** The text of {@code spec}'s definition (its key and origin are not part of it). */
    public static String of(MigrationSpec spec) {
        var out = new StringBuilder();
        out.append("dependencies ");
        keys(spec.dependencies(), out);
        out.append("\nreplaces ");
        keys(spec.replaces(), out);
        out.append("\natomic ").append(spec.atomic());
        out.append("\npostDeployment ").append(spec.postDeployment());
        out.append("\ninitial ").append(spec.initial());
        out.append("\noperations\n");
        for (Object op : spec.operations()) {
            out.append("  ");
            value(op, out);
            out.append('\n');
        }
        return out.toString();
    }

    private static void keys(List<MigrationKey> keys, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < keys.size(); i++) {
            out.append(i == 0 ? "" : ",");
            string(keys.get(i).app(), out);
            out.append('.');
            string(keys.get(i).name(), out);
        }
        out.append(']');
    }

    /** Writes one value by its structure. */
    static void value(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Character c) {
            string(String.valueOf(c), out);
        } else if (v instanceof Enum<?> e) {
            out.append(e.getDeclaringClass().getSimpleName()).append('.').append(e.name());
        } else if (v instanceof Optional<?> o) {
            value(o.orElse(null), out);
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                value(list.get(i), out);
            }
            out.append(']');
        } else if (v instanceof Collection<?> set) {
            out.append('{');
            out.append(String.join(",", set.stream().map(DefinitionText::text).sorted().toList()));
            out.append('}');
        } else if (v instanceof Map<?, ?> map) {
            var entries = new ArrayList<String>();
            map.forEach((k, x) -> entries.add(text(k) + ":" + text(x)));
            out.append('{').append(String.join(",", entries.stream().sorted().toList())).append('}');
        } else if (v.getClass().isRecord()) {
            record(v, out);
        } else {
            throw new IllegalArgumentException("a migration's definition holds a " + v.getClass().getName()
                    + ", which keel cannot write for its checksum");
        }
    }

    private static String text(Object v) {
        var sb = new StringBuilder();
        value(v, sb);
        return sb.toString();
    }

    private static void record(Object r, StringBuilder out) {
        out.append(r.getClass().getSimpleName()).append('{');
        boolean first = true;
        for (RecordParts.Part c : RecordParts.of(r.getClass())) {
            Object v = c.of(r);
            if (isDefault(v)) {
                continue;
            }
            out.append(first ? "" : ",").append(c.name()).append('=');
            value(v, out);
            first = false;
        }
        out.append('}');
    }

    /** Null, false, zero, empty: what a component a later keel adds would hold in migrations written before. */
    private static boolean isDefault(Object v) {
        return v == null || Boolean.FALSE.equals(v)
                || v instanceof Number n && n.doubleValue() == 0 && !(v instanceof Double d && d.equals(-0.0))
                || v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()
                || v instanceof Optional<?> o && o.isEmpty();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
