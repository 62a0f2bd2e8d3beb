package dev.keel.scan.internal;

import java.util.List;
import java.util.Optional;

/**
 * The table a table generator keeps its next ids in: {@code @GeneratedValue(strategy = TABLE)}, or a generator named
 * by a {@code @TableGenerator}. Hibernate 6 creates it with its schema: a segment column (the generator's row key,
 * {@code varchar(255)} NOT NULL, the primary key) and a value column ({@code bigint}, nullable), named
 * {@code hibernate_sequences(sequence_name, next_val)} unless the {@code @TableGenerator} names them
 * ({@code table}, {@code schema}, {@code pkColumnName}, {@code valueColumnName}, its {@code uniqueConstraints} and
 * {@code indexes}). The table's name goes through the naming strategy like an entity's; the column names are used as
 * written. Several generators share a table of the same name (each keeps its own row, which Hibernate inserts on first
 * use when the schema export did not): the table is mapped once.
 */
final class GeneratorTables {
    static final String DEFAULT_TABLE = "hibernate_sequences";
    static final String DEFAULT_SEGMENT_COLUMN = "sequence_name";
    static final String DEFAULT_VALUE_COLUMN = "next_val";

    private GeneratorTables() {}

    /**
     * Adds the table of the table generator {@code generator} (empty: Hibernate's defaults, in table {@code named} when
     * not null: {@code strategy = TABLE} naming a generator no {@code @TableGenerator} declares) to {@code schema}, as a
     * table of {@code app} declared at {@code file}:{@code line}.
     */
    static void map(ScanContext ctx, Schema schema, String app, Optional<AnnotationView> generator, String named,
                    java.nio.file.Path file, int line) {
        String written = generator.map(g -> g.string("table", "")).filter(t -> !t.isBlank())
                .orElse(named != null ? named : DEFAULT_TABLE);
        Ident name = Namespaces.table(ctx.naming().physical(written),
                generator.<com.github.javaparser.ast.Node>map(AnnotationView::node).orElse(null), "TableGenerator");
        TableSpec table = new TableSpec(app, name.db(), null, name, Namespaces.schema(ctx, generator), file, line);
        Ident segment = column(generator, "pkColumnName", DEFAULT_SEGMENT_COLUMN);
        table.add(ColumnSpec.of(segment, SqlType.varchar(SqlType.DEFAULT_LENGTH)).withNullable(false));
        table.add(ColumnSpec.of(column(generator, "valueColumnName", DEFAULT_VALUE_COLUMN), SqlType.fixed("bigint", 8)));
        table.primaryKey = List.of(segment);
        generator.ifPresent(g -> TableConstraints.apply(ctx, g, table));
        schema.addOther(table);
    }

    private static Ident column(Optional<AnnotationView> generator, String element, String fallback) {
        String written = generator.map(g -> g.string(element, "")).filter(c -> !c.isBlank()).orElse(fallback);
        return Ident.parse(written);
    }
}
