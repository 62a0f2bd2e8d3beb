package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;
import dev.keel.project.ProjectState;
import dev.keel.scan.EntityScanner;
import dev.keel.state.CheckConstraint;
import dev.keel.state.Column;
import dev.keel.state.ForeignKey;
import dev.keel.state.Index;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import dev.keel.state.UniqueConstraint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database-level oracle: Hibernate 6.6 creates each sample's schema in a real PostgreSQL
 * ({@code hbm2ddl.auto=create}), and the catalog must equal keel's scan with every name included
 * (PostgreSQL's names for the constraints Hibernate leaves unnamed, truncated identifiers). Check
 * expressions are compared by name only, because PostgreSQL stores them rewritten; defaults without
 * their casts. Every user schema is read: tables and sequences outside {@code public} are schema-qualified,
 * as in keel's state. Runs on {@link TestDatabase}.
 */
class DatabaseAgreementTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> catalogEqualsScanOnEverySample() {
        return Samples.all().stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            OracleHibernate.assumeCompared(sample);
            KeelConfig config = OracleHibernate.config(sample);
            List<String> catalog = new java.util.ArrayList<>(hibernateCatalog(sample, config, work.resolve(sample.getFileName())));
            // a check Hibernate computes by running the application's converter: PostgreSQL names it table_column_check
            OracleHibernate.unmodelled(sample).forEach(tc -> catalog.remove("  check " + tc.replace('.', '_') + "_check"));
            ProjectState state = EntityScanner.scan(sample, config);
            List<String> keel = describe(state.tables(), state.sequences(), state.enumTypes());
            assertEquals(String.join("\n", catalog), String.join("\n", keel), difference(catalog, keel));
        }));
    }

    /**
     * The catalog Hibernate 6.6 creates for {@code project} on a fresh database (every user schema read), as
     * {@link #describe} lines.
     */
    static List<String> hibernateCatalog(Path project, KeelConfig config, Path work) throws Exception {
        TestDatabase db = TestDatabase.configured().orElseThrow();
        db.resetSchemas();
        HibernateOracle.createSchema(project, config, work, db.url(), db.user(), db.password());
        var tables = new ArrayList<Table>();
        var sequences = new ArrayList<Sequence>();
        var enumTypes = new ArrayList<dev.keel.state.EnumType>();
        try (Connection c = db.connect()) {
            for (String schema : PgCatalog.schemas(c)) {
                tables.addAll(PgCatalog.tables(c, schema));
                sequences.addAll(PgCatalog.sequences(c, schema));
                enumTypes.addAll(PgCatalog.enumTypes(c, schema));
            }
        }
        return describe(tables, sequences, enumTypes);
    }

    /** The lines only one side has, for a short failure message. */
    static String difference(List<String> catalog, List<String> keel) {
        var onlyCatalog = new ArrayList<>(catalog);
        onlyCatalog.removeAll(keel);
        var onlyKeel = new ArrayList<>(keel);
        onlyKeel.removeAll(catalog);
        return "only in the catalog: " + onlyCatalog + "\nonly in keel's scan: " + onlyKeel;
    }

    /** Every table, column and named object as lines, for a readable diff. */
    static List<String> describe(Collection<Table> tables, Collection<Sequence> sequences) {
        return describe(tables, sequences, List.of());
    }

    /** The same, with the enum types and their values in order. */
    static List<String> describe(Collection<Table> tables, Collection<Sequence> sequences,
                                 Collection<dev.keel.state.EnumType> enumTypes) {
        var lines = new ArrayList<String>();
        enumTypes.stream().map(SchemaShape::enumType).sorted().forEach(e -> lines.add("enum type " + e));
        tables.stream().sorted(java.util.Comparator.comparing(Table::qualifiedName)).forEach(t -> {
            lines.add("table " + t.qualifiedName() + (t.comment() == null ? "" : " comment '" + t.comment() + "'"));
            for (Column c : t.columns()) {
                lines.add("  " + c.name() + " " + c.type() + (c.notNull() ? " not null" : "")
                        + (c.defaultSql() == null ? "" : " default " + c.defaultSql().replaceAll("::[a-z ]+(\\(\\d+\\))?", ""))
                        + (c.identity() == dev.keel.state.Identity.NONE ? "" : " " + c.identity())
                        // PostgreSQL stores a generation expression rewritten: SampleAgreementTest compares its text
                        + (c.isGenerated() ? " generated" : "")
                        + (c.comment() == null ? "" : " comment '" + c.comment() + "'"));
            }
            var named = new TreeSet<String>();
            if (t.primaryKey() != null) {
                named.add("primary key " + t.primaryKey().name() + " " + t.primaryKey().columns());
            }
            for (UniqueConstraint u : t.uniques()) {
                named.add("unique " + u.name() + " " + u.columns());
            }
            for (CheckConstraint c : t.checks()) {
                named.add("check " + c.name());
            }
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.enforced()) {
                    named.add("foreign key " + fk.name() + " " + fk.columns() + " -> " + fk.targetTable() + fk.targetColumns()
                            + " on delete " + fk.onDelete());
                }
            }
            for (Index ix : t.indexes()) {
                named.add("index " + ix.name() + " " + ix.columns());
            }
            named.forEach(n -> lines.add("  " + n));
        });
        sequences.stream().map(SchemaShape::sequence).sorted().forEach(s -> lines.add("sequence " + s));
        return lines;
    }
}
