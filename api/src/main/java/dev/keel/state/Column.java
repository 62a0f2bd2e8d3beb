package dev.keel.state;

import java.util.Objects;

/**
 * A column as the database holds it. Columns are NOT NULL unless {@link #nullable()} is called,
 * as a field must say when it allows nulls. {@code field} is the Java field the column maps
 * (null for columns that no field owns, such as a join table's).
 *
 * <p>The builder-style methods return copies: {@code column("title", "varchar(255)").nullable()}.
 *
 * <p>{@code defaultKept} marks a database default that belongs to the database, not to the entity: the
 * value typed at {@code makemigrations}' prompt for a NOT NULL column added to a table with rows. The
 * entity declares no default, and {@code makemigrations} keeps this one (the code still running during
 * the deploy inserts without the column and relies on it). It is always false without a default.
 *
 * <p>{@code generated} is the expression of a stored generated column ({@code GENERATED ALWAYS AS (expr) STORED}):
 * PostgreSQL computes the value from the row's other columns on every insert and update, and the column takes no
 * default and no identity. Null for an ordinary column.
 */
public record Column(String name, String type, boolean notNull, String defaultSql, Identity identity,
                     String field, String comment, boolean defaultKept, String generated) {

    public Column {
        Names.require(name, "column name");
        String serialOf = PgTypes.serialType(Names.require(type, "column type"));
        if (serialOf != null) {
            throw new IllegalArgumentException("column " + name + " has type " + type.strip() + ", PostgreSQL's shorthand for "
                    + (serialOf.equals("integer") ? "an " : "a ") + serialOf + " column whose default is the next value of a"
                    + " sequence of its own, which keel's state spells out: createSequence(sequence(\"TABLE_" + name + "_seq\").incrementBy(1)) before it, and"
                    + " column(\"" + name + "\", \"" + serialOf + "\").defaultSql(\"nextval('TABLE_" + name + "_seq'::regclass)\");"
                    + " or an identity column: column(\"" + name + "\", \"" + serialOf + "\").identity(Identity.BY_DEFAULT)");
        }
        type = PgTypes.canonical(type);
        identity = identity == null ? Identity.NONE : identity;
        if (defaultSql != null && defaultSql.isBlank()) {
            defaultSql = null;
        }
        if (identity != Identity.NONE && defaultSql != null) {
            throw new IllegalArgumentException("identity column " + name + " cannot also have a default");
        }
        if (identity != Identity.NONE) {
            notNull = true;
        }
        if (defaultSql == null) {
            defaultKept = false;
        }
        if (generated != null) {
            generated = generated.strip();
            if (generated.isEmpty()) {
                generated = null;
            }
        }
        if (generated != null && (defaultSql != null || identity != Identity.NONE)) {
            throw new IllegalArgumentException("generated column " + name + " cannot also have "
                    + (defaultSql != null ? "a default" : "an identity") + ": PostgreSQL computes its value from the expression");
        }
    }

    /** An ordinary (not generated) column. */
    public Column(String name, String type, boolean notNull, String defaultSql, Identity identity,
                  String field, String comment, boolean defaultKept) {
        this(name, type, notNull, defaultSql, identity, field, comment, defaultKept, null);
    }

    /** A column whose default, if any, is the entity's own. */
    public Column(String name, String type, boolean notNull, String defaultSql, Identity identity,
                  String field, String comment) {
        this(name, type, notNull, defaultSql, identity, field, comment, false, null);
    }

    /** A NOT NULL column of the given PostgreSQL type. */
    public static Column of(String name, String type) {
        return new Column(name, type, true, null, Identity.NONE, null, null, false, null);
    }

    /** This column, allowing nulls. */
    public Column nullable() {
        return new Column(name, type, false, defaultSql, identity, field, comment, defaultKept, generated);
    }

    /** This column with {@code NOT NULL} set or cleared. */
    public Column notNull(boolean value) {
        return new Column(name, type, value, defaultSql, identity, field, comment, defaultKept, generated);
    }

    /**
     * This column with a database default, an SQL expression ({@code 'draft'}, {@code now()}). A kept
     * default stays kept while the column has a default.
     */
    public Column defaultSql(String sql) {
        return new Column(name, type, notNull, sql, identity, field, comment, defaultKept, generated);
    }

    /**
     * This column with its database default kept although the entity declares none (the value typed at
     * makemigrations' prompt): makemigrations does not drop it. Meaningful only with a default.
     */
    public Column keepDefault() {
        return new Column(name, type, notNull, defaultSql, identity, field, comment, defaultSql != null, generated);
    }

    /** This column with the default's ownership set: kept by the database ({@code true}) or the entity's. */
    public Column keepDefault(boolean kept) {
        return new Column(name, type, notNull, defaultSql, identity, field, comment, kept && defaultSql != null, generated);
    }

    /** This column as an identity column. */
    public Column identity(Identity kind) {
        return new Column(name, type, notNull, defaultSql, kind, field, comment, defaultKept, generated);
    }

    /** This column with another PostgreSQL type. */
    public Column type(String newType) {
        return new Column(name, newType, notNull, defaultSql, identity, field, comment, defaultKept, generated);
    }

    /** This column under another name. */
    public Column name(String newName) {
        return new Column(newName, type, notNull, defaultSql, identity, field, comment, defaultKept, generated);
    }

    /** This column owned by the given Java field. */
    public Column field(String fieldName) {
        return new Column(name, type, notNull, defaultSql, identity, fieldName, comment, defaultKept, generated);
    }

    /** This column with a {@code COMMENT ON COLUMN}. */
    public Column comment(String text) {
        return new Column(name, type, notNull, defaultSql, identity, field, text, defaultKept, generated);
    }

    /**
     * This column as a stored generated column computing {@code expression} (SQL over the row's other columns,
     * {@code "quantity * unit_price"}); null for an ordinary column.
     */
    public Column generated(String expression) {
        return new Column(name, type, notNull, defaultSql, identity, field, comment, defaultKept, expression);
    }

    /** Whether this is a stored generated column. */
    public boolean isGenerated() {
        return generated != null;
    }

    /** Whether the column allows nulls. */
    public boolean isNullable() {
        return !notNull;
    }

    /** Whether two columns are the same in the database, whatever fields own them (and whoever keeps the default). */
    public boolean sameInDatabase(Column other) {
        return name.equals(other.name) && type.equals(other.type) && notNull == other.notNull
                && Objects.equals(defaultSql, other.defaultSql) && identity == other.identity
                && Objects.equals(comment, other.comment) && Objects.equals(generated, other.generated);
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Column other
                && notNull == other.notNull
                && defaultKept == other.defaultKept
                && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(type, other.type)
                && java.util.Objects.equals(defaultSql, other.defaultSql)
                && java.util.Objects.equals(identity, other.identity)
                && java.util.Objects.equals(field, other.field)
                && java.util.Objects.equals(comment, other.comment);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(name);
        h = 31 * h + java.util.Objects.hashCode(type);
        h = 31 * h + Boolean.hashCode(notNull);
        h = 31 * h + java.util.Objects.hashCode(defaultSql);
        h = 31 * h + java.util.Objects.hashCode(identity);
        h = 31 * h + java.util.Objects.hashCode(field);
        h = 31 * h + java.util.Objects.hashCode(comment);
        h = 31 * h + Boolean.hashCode(defaultKept);
        return h;
    }
}
