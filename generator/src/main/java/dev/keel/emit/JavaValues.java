package dev.keel.emit;

import dev.keel.operations.Operation;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.Constraint;
import dev.keel.state.ForeignKey;
import dev.keel.state.Identity;
import dev.keel.state.Index;
import dev.keel.state.PrimaryKey;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes values as the Java expressions of a migration file: the same factories and builder calls a
 * person would write ({@code column("slug", "varchar(200)").nullable()}). Collects the imports the
 * expressions need.
 */
final class JavaValues {
    /** Placed at the start of each text-block line; the writer turns it into indentation. */
    static final String MARGIN = "\u0000";

    private final Set<String> imports = new TreeSet<>();
    private final OperationWriter operations;

    JavaValues(OperationWriter operations) {
        this.operations = operations;
    }

    /** The classes the written expressions use beyond the static factories. */
    Set<String> imports() {
        return imports;
    }

    String write(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Boolean || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Enum<?> e) {
            imports.add(e.getDeclaringClass().getName());
            return e.getDeclaringClass().getSimpleName() + "." + e.name();
        }
        if (value instanceof Operation op) {
            return operations.write(op, this);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
            return "names(" + list.stream().map(this::write).collect(Collectors.joining(", ")) + ")";
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Index.class::isInstance)) {
            return "indexes(" + list.stream().map(this::write).collect(Collectors.joining(", ")) + ")";
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Constraint.class::isInstance)) {
            return "constraints(" + list.stream().map(this::write).collect(Collectors.joining(", ")) + ")";
        }
        if (value instanceof List<?> list) {
            return "ops(" + list.stream().map(this::write).collect(Collectors.joining(", ")) + ")";
        }
        if (value instanceof Column c) {
            return column(c);
        }
        if (value instanceof Table t) {
            return table(t);
        }
        if (value instanceof Constraint c) {
            return constraint(c);
        }
        if (value instanceof Index i) {
            return index(i);
        }
        if (value instanceof Sequence s) {
            return sequence(s);
        }
        throw new IllegalArgumentException("keel cannot write a " + value.getClass().getName() + " into a migration");
    }

    static String string(String s) {
        if (s.contains("\n")) {
            String body = s.replace("\\", "\\\\").replace("\"\"\"", "\\\"\"\"");
            // MARGIN marks where the writer indents each line of the text block
            if (body.endsWith("\n")) {
                // the closing delimiter on a line of its own keeps the final line break
                String lines = body.substring(0, body.length() - 1);
                return "\"\"\"\n" + MARGIN + lines.replace("\n", "\n" + MARGIN) + "\n" + MARGIN + "\"\"\"";
            }
            return "\"\"\"\n" + MARGIN + body.stripTrailing().replace("\n", "\n" + MARGIN) + "\"\"\"";
        }
        var sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    private String strings(List<String> values) {
        return values.stream().map(JavaValues::string).collect(Collectors.joining(", "));
    }

    private String column(Column c) {
        var sb = new StringBuilder("column(").append(string(c.name())).append(", ").append(string(c.type())).append(')');
        if (!c.notNull()) {
            sb.append(".nullable()");
        }
        if (c.defaultSql() != null) {
            sb.append(".defaultSql(").append(string(c.defaultSql())).append(')');
            if (c.defaultKept()) {
                sb.append(".keepDefault()");
            }
        }
        if (c.identity() != Identity.NONE) {
            sb.append(".identity(").append(write(c.identity())).append(')');
        }
        if (c.isGenerated()) {
            sb.append(".generated(").append(string(c.generated())).append(')');
        }
        if (c.comment() != null) {
            sb.append(".comment(").append(string(c.comment())).append(')');
        }
        return sb.toString();
    }

    private String table(Table t) {
        var sb = new StringBuilder("table(").append(string(t.name())).append(')');
        if (t.entity() != null) {
            sb.append("\n.entity(").append(string(t.entity())).append(')');
        }
        if (t.schema() != null) {
            sb.append("\n.schema(").append(string(t.schema())).append(')');
        }
        if (t.database() != null) {
            sb.append("\n.database(").append(string(t.database())).append(')');
        }
        for (Column c : t.columns()) {
            if (c.field() != null) {
                sb.append("\n.field(").append(string(c.field())).append(", ").append(column(c.field(null))).append(')');
            } else {
                sb.append("\n.column(").append(column(c)).append(')');
            }
        }
        PrimaryKey pk = t.primaryKey();
        if (pk != null) {
            if (!pk.name().equals(t.name() + "_pkey")) {
                throw new IllegalArgumentException("primary key " + pk.name() + " of " + t.name()
                        + " is not named <table>_pkey; keel writes only PostgreSQL's default primary key name");
            }
            sb.append("\n.primaryKey(").append(strings(pk.columns())).append(')');
        }
        t.constraints().forEach(c -> sb.append("\n.constraint(").append(constraint(c)).append(')'));
        t.indexes().forEach(i -> sb.append("\n.index(").append(index(i)).append(')'));
        if (t.comment() != null) {
            sb.append("\n.comment(").append(string(t.comment())).append(')');
        }
        return sb.toString();
    }

    private String constraint(Constraint c) {
        if (c instanceof ForeignKey fk) {
            var sb = new StringBuilder("foreignKey(").append(string(fk.name())).append(", ").append(strings(fk.columns()))
                    .append(").references(").append(string(fk.targetTable())).append(", ").append(strings(fk.targetColumns())).append(')');
            if (!fk.onDelete().equals("NO ACTION")) {
                sb.append(".onDelete(").append(string(fk.onDelete())).append(')');
            }
            if (!fk.enforced()) {
                sb.append(".noConstraint()");
            }
            if (!fk.validated()) {
                sb.append(".notValid()");
            }
            return sb.toString();
        }
        if (c instanceof UniqueConstraint u) {
            String base = "unique(" + string(u.name()) + ", " + strings(u.columns()) + ")";
            return base + (u.isInitiallyDeferred() ? ".initiallyDeferred()" : u.isDeferrable() ? ".deferrable()" : "");
        }
        CheckConstraint ch = (CheckConstraint) c;
        return "check(" + string(ch.name()) + ", " + string(ch.expression()) + ")" + (ch.validated() ? "" : ".notValid()");
    }

    private String index(Index i) {
        var sb = new StringBuilder("index(").append(string(i.name())).append(", ").append(strings(i.columns())).append(')');
        if (i.isUnique()) {
            sb.append(".unique()");
        }
        if (!i.method().equals("btree")) {
            sb.append(".using(").append(string(i.method())).append(')');
        }
        if (i.where() != null) {
            sb.append(".where(").append(string(i.where())).append(')');
        }
        return sb.toString();
    }

    private String sequence(Sequence s) {
        var sb = new StringBuilder("sequence(").append(string(s.name())).append(')');
        if (s.start() != 1) {
            sb.append(".startWith(").append(s.start()).append(')');
        }
        if (s.increment() != 1) {
            sb.append(".incrementBy(").append(s.increment()).append(')');
        }
        if (s.database() != null) {
            sb.append(".database(").append(string(s.database())).append(')');
        }
        return sb.toString();
    }
}
