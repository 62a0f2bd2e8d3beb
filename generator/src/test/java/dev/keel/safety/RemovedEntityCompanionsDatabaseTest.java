package dev.keel.safety;

import dev.keel.make.MakeOptions;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.SafeDeleteSequence;
import dev.keel.project.ProjectState;
import dev.keel.runner.apply.SimpleApplier;
import dev.keel.runner.support.Db;
import dev.keel.state.PendingDeletion;
import dev.keel.state.PendingSequence;
import dev.keel.state.PendingTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Removing an entity on PostgreSQL: its table, its join and collection tables and its id sequence all
 * wait in the two-phase removal, so the code still running during the deploy goes on inserting (ids
 * from {@code nextval}, links, collection rows); the delete phase drops them all, the sequence too.
 */
class RemovedEntityCompanionsDatabaseTest {
    @TempDir Path project;

    static final String AUTHOR = """
            @Entity
            public class Author {
                @Id
                @GeneratedValue(strategy = GenerationType.SEQUENCE)
                private Long id;

                @Column(nullable = false, length = 100)
                private String name;
            }
            """;

    static final String INVOICE = """
            @Entity
            public class Invoice {
                @Id
                @GeneratedValue(strategy = GenerationType.SEQUENCE)
                private Long id;

                @Column(nullable = false)
                private long cents;

                @ManyToMany
                private Set<Author> signers = new HashSet<>();

                @ElementCollection
                @Column(length = 40)
                private Set<String> notes = new HashSet<>();
            }
            """;

    @Test
    void removedEntityKeepsItsSequenceUntilTheDeletePhase() throws Exception {
        EntityProject p = EntityProject.in(project);
        p.entities(Map.of("Author", AUTHOR, "Invoice", INVOICE));
        p.make(MakeOptions.defaults());
        try (Db db = Db.fresh()) {
            var applier = new SimpleApplier(db.connection);
            ProjectState base = applier.apply(p.from(0), ProjectState.EMPTY);
            db.execute("INSERT INTO author (id, name) VALUES (nextval('author_seq'), 'a')",
                    "INSERT INTO invoice (id, cents) SELECT nextval('invoice_seq'), i FROM generate_series(1, 3) AS i");

            p.entities(Map.of("Author", AUTHOR));
            p.make(MakeOptions.defaults());
            List<MigrationSpec> phaseOne = p.from(1);
            ProjectState pending = applier.apply(phaseOne, base);
            // the code still running during the deploy inserts an invoice, its signers and notes
            db.execute("INSERT INTO invoice (id, cents) VALUES (nextval('invoice_seq'), 99)",
                    "INSERT INTO invoice_signers (invoice_id, signers_id) SELECT max(i.id), min(a.id) FROM invoice i, author a",
                    "INSERT INTO invoice_notes (invoice_id, notes) SELECT max(id), 'old code' FROM invoice");
            assertEquals("4", ShopDatabase.text(db, "SELECT count(DISTINCT id) FROM invoice"), "no duplicate id");
            assertTrue(phaseOne.stream().flatMap(m -> m.operations().stream())
                    .anyMatch(new SafeDeleteSequence("invoice_seq", DeletionAction.MOVE_TO_PENDING)::equals),
                    "the sequence moves to pending: " + phaseOne.stream().flatMap(m -> m.operations().stream()).toList());

            ShopDatabase.assertHolds(db, pending);
            assertTrue(pending.sequence("invoice_seq").isEmpty(), "the state lacks the sequence");
            assertEquals(List.of("invoice", "invoice_notes", "invoice_signers"), pending.pending().stream()
                    .filter(PendingTable.class::isInstance).map(PendingDeletion::table).sorted().toList(),
                    "the table and its collection and join tables wait together");
            assertTrue(pending.pending().contains(new PendingSequence("app",
                    new dev.keel.state.Sequence("invoice_seq", 1, 50))), pending.pending().toString());

            assertTrue(p.make(MakeOptions.defaults()).migrations().isEmpty(), "nothing more to write before the delete phase");
            p.make(EntityProject.DELETE_PENDING);
            List<MigrationSpec> delete = p.from(1 + phaseOne.size());
            assertTrue(delete.get(0).operations().contains(new SafeDeleteSequence("invoice_seq", DeletionAction.DELETE)),
                    delete.get(0).operations().toString());
            ProjectState done = applier.apply(delete, pending);
            assertEquals(List.of(), done.pending());
            ShopDatabase.assertHolds(db, done);
            assertEquals("0", ShopDatabase.text(db, "SELECT count(*) FROM pg_class WHERE relname LIKE 'invoice%'"),
                    "the tables and the sequence are gone");

            applier.unapply(delete, pending);
            ShopDatabase.assertHolds(db, pending);
            db.execute("INSERT INTO invoice (id, cents) VALUES (nextval('invoice_seq'), 1)");
        }
    }
}
