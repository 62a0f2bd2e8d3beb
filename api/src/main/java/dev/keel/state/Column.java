package dev.keel.state;

import java.util.Objects;

/**
 * A column as the database holds it. Columns are NOT NULL unless {@link #nullable()} is called,
 * as a field must say when it allows nulls. {@code field} is the Java field the column maps
 * (null for columns that no field owns, such as a join table's).
 *
 * <p>The builder-style methods return copies: {@code column("title", "varchar(255)").nullable()}.
 */
public record Column(String name, String type, boolean notNull, String defaultSql, Identity identity,
                     String field, String comment) {

    public Column {
        Names.require(name, "column name");
        type = PgTypes.canonical(Names.require(type, "column type"));
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
    }

    /** A NOT NULL column of the given PostgreSQL type. */
    public static Column of(String name, String type) {
        return new Column(name, type, true, null, Identity.NONE, null, null);
    }

    /** This column, allowing nulls. */
    public Column nullable() {
        return new Column(name, type, false, defaultSql, identity, field, comment);
    }

    /** This column with {@code NOT NULL} set or cleared. */
    public Column notNull(boolean value) {
        return new Column(name, type, value, defaultSql, identity, field, comment);
    }

    /** This column with a database default, an SQL expression ({@code 'draft'}, {@code now()}). */
    public Column defaultSql(String sql) {
        return new Column(name, type, notNull, sql, identity, field, comment);
    }

    /** This column as an identity column. */
    public Column identity(Identity kind) {
        return new Column(name, type, notNull, defaultSql, kind, field, comment);
    }

    /** This column with another PostgreSQL type. */
    public Column type(String newType) {
        return new Column(name, newType, notNull, defaultSql, identity, field, comment);
    }

    /** This column under another name. */
    public Column name(String newName) {
        return new Column(newName, type, notNull, defaultSql, identity, field, comment);
    }

    /** This column owned by the given Java field. */
    public Column field(String fieldName) {
        return new Column(name, type, notNull, defaultSql, identity, fieldName, comment);
    }

    /** This column with a {@code COMMENT ON COLUMN}. */
    public Column comment(String text) {
        return new Column(name, type, notNull, defaultSql, identity, field, text);
    }

    /** Whether the column allows nulls. */
    public boolean isNullable() {
        return !notNull;
    }

    /** Whether two columns are the same in the database, whatever fields own them. */
    public boolean sameInDatabase(Column other) {
        return name.equals(other.name) && type.equals(other.type) && notNull == other.notNull
                && Objects.equals(defaultSql, other.defaultSql) && identity == other.identity
                && Objects.equals(comment, other.comment);
    }
}
