package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;
import dev.keel.project.ProjectState;
import dev.keel.scan.EntityScanner;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * For every sample, the schema keel's scanner reads from the sources equals, table by table and column
 * by column (order included), the DDL Hibernate 6.6 exports for the compiled entities when a
 * SessionFactory starts with the sample's naming strategy and Bean Validation setting.
 *
 * <p>Intended differences, by design of the comparison ({@link SchemaShape}):
 * <ul>
 *   <li>relations mapped with {@code @ForeignKey(NO_CONSTRAINT)}: keel keeps them in the state as
 *       foreign keys with {@code enforced = false} (the relation is part of the model); the database has
 *       no constraint, so they are left out of the comparison;</li>
 *   <li>names of constraints Hibernate leaves unnamed (inline {@code unique}, {@code check}, the primary
 *       key): the DDL has none, PostgreSQL chooses them; keel's are compared with PostgreSQL's in
 *       {@link DatabaseAgreementTest}.</li>
 * </ul>
 * The schemas Hibernate creates ({@code hibernate.hbm2ddl.create_namespaces}) must be those keel's tables and
 * sequences live in.
 */
class SampleAgreementTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> scannerAgreesWithHibernateOnEverySample() {
        return Samples.all().stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            OracleHibernate.assumeCompared(sample);
            KeelConfig config = OracleHibernate.config(sample);
            HibernateDdl ddl = HibernateDdl.parse(HibernateOracle.exportScript(sample, config, work.resolve(sample.getFileName())));
            SchemaShape hibernate = SchemaShape.of(ddl.tables(), ddl.sequences(), ddl.enumTypes())
                    .without(OracleHibernate.unmodelled(sample));
            ProjectState state = EntityScanner.scan(sample, config);
            SchemaShape keel = SchemaShape.of(state);
            assertFalse(hibernate.tables().isEmpty(), "Hibernate exported no table for " + sample);
            List<String> differences = keel.differences(hibernate, "keel", "hibernate");
            assertEquals(List.of(), differences, String.join("\n", differences));
            assertEquals(ddl.schemas(), schemasOf(state), "the schemas Hibernate creates vs those keel's tables and sequences live in");
        }));
    }

    /** The schemas other than the default that the state's tables and sequences live in. */
    static Set<String> schemasOf(ProjectState state) {
        var schemas = new TreeSet<String>();
        state.tables().stream().map(Table::schema).filter(Objects::nonNull).forEach(schemas::add);
        state.sequences().stream().map(Sequence::name).filter(n -> n.contains("."))
                .map(n -> n.substring(0, n.lastIndexOf('.'))).forEach(schemas::add);
        return schemas;
    }
}
