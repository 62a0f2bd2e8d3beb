package dev.keel.scan.internal;

import dev.keel.state.PgTypes;
import dev.keel.state.SqlIdentifiers;

import java.util.Locale;
import java.util.Optional;

/**
 * A {@code @Column(columnDefinition = "serial")}: PostgreSQL's shorthand, which Hibernate writes as it is
 * ({@code no serial not null}) and PostgreSQL expands into an {@code integer} column, NOT NULL, whose default takes
 * the next value of a sequence of its own, {@code <table>_<column>_seq} in the table's schema, starting at 1 by 1.
 * keel's state spells that out (a column has a type, not a shorthand): the column of that type with that default, and
 * the sequence. {@code bigserial} ({@code serial8}) is {@code bigint}, {@code smallserial} ({@code serial2})
 * {@code smallint}.
 */
final class SerialColumns {
    private SerialColumns() {}

    /** PostgreSQL's NAMEDATALEN - 1: the longest name it keeps. */
    private static final int MAX_NAME = 63;

    /** A serial shorthand and the type it stands for. */
    record Serial(String written, String type) {}

    /** The serial shorthand a columnDefinition's type is, if it is one. */
    static Optional<Serial> of(String definitionType) {
        String t = definitionType.strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(PgTypes.serialType(t)).map(type -> new Serial(t, type));
    }

    /**
     * The name PostgreSQL gives the sequence of serial column {@code column} of {@code table} (in {@code schema}, null
     * for the default one), as keel's state names sequences ({@code schema.name}): {@code table_column_seq}, the longer
     * of the two names shortened first until it fits in 63 characters (PostgreSQL's {@code makeObjectName}).
     */
    static String sequenceName(String schema, String table, String column) {
        int tableChars = table.length();
        int columnChars = column.length();
        int available = MAX_NAME - "_".length() - "_seq".length();
        while (tableChars + columnChars > available) {
            if (tableChars > columnChars) {
                tableChars--;
            } else {
                columnChars--;
            }
        }
        return Namespaces.qualify(schema, table.substring(0, tableChars) + "_" + column.substring(0, columnChars) + "_seq");
    }

    /** The default PostgreSQL gives a serial column: {@code nextval('seq'::regclass)}, as its catalog prints it. */
    static String nextval(String sequence) {
        int dot = sequence.indexOf('.');
        String written = dot < 0 ? SqlIdentifiers.quote(sequence)
                : SqlIdentifiers.quote(sequence.substring(0, dot)) + "." + SqlIdentifiers.quote(sequence.substring(dot + 1));
        return "nextval('" + written.replace("'", "''") + "'::regclass)";
    }
}
