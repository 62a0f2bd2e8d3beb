package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.Locale;

/**
 * The {@code uniqueConstraints} and {@code indexes} that {@code @Table}, {@code @JoinTable} and
 * {@code @CollectionTable} declare for their table: a {@code @UniqueConstraint} is a unique constraint
 * (PostgreSQL names it when the mapping does not); a unique {@code @Index} too; a plain {@code @Index}
 * is an index, named by the mapping or with Hibernate's {@code IDX} hash of the table and the column
 * names as written in {@code columnList}.
 */
final class TableConstraints {
    private TableConstraints() {}

    /** Adds the unique constraints and indexes that {@code annotation} declares to {@code table}. */
    static void apply(ScanContext ctx, AnnotationView annotation, TableSpec table) {
        for (AnnotationView u : annotation.annotations("uniqueConstraints")) {
            String name = u.string("name", "");
            table.uniques.add(new TableSpec.UniqueSpec(name.isBlank() ? null : name,
                    u.strings("columnNames").stream().map(c -> ctx.naming().physical(c)).toList()));
        }
        for (AnnotationView ix : annotation.annotations("indexes")) {
            index(ctx, table, ix);
        }
    }

    private static void index(ScanContext ctx, TableSpec table, AnnotationView ix) {
        var idents = new ArrayList<Ident>();
        var written = new ArrayList<Ident>();
        var columns = new ArrayList<String>();
        for (String part : ix.string("columnList", "").split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            Ident column = ctx.naming().physical(words[0]);
            idents.add(column);
            written.add(Ident.parse(words[0]));
            boolean desc = words.length > 1 && words[1].toLowerCase(Locale.ROOT).equals("desc");
            columns.add(column.db() + (desc ? " DESC" : ""));
        }
        String name = ix.string("name", "");
        if (ix.bool("unique", false)) {
            table.uniques.add(new TableSpec.UniqueSpec(name.isBlank() ? null : name, idents));
            return;
        }
        if (name.isBlank()) {
            name = HibernateNames.constraint("IDX", table.name(), written);
        }
        table.indexes.add(new TableSpec.IndexSpec(name, columns, idents));
    }
}
