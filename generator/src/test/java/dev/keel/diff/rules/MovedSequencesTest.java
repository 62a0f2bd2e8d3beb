package dev.keel.diff.rules;

import dev.keel.operations.AlterSequence;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.Operation;
import dev.keel.operations.RenameSequence;
import dev.keel.operations.DeleteSequence;
import dev.keel.project.ProjectState;
import dev.keel.state.Sequence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.keel.diff.rules.CompanionsOfRenamedTablesTest.diff;
import static dev.keel.diff.rules.CompanionsOfRenamedTablesTest.entity;
import static dev.keel.diff.rules.CompanionsOfRenamedTablesTest.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sequence whose schema changed ({@code @SequenceGenerator(schema)}) is moved, keeping its value, not created anew. */
class MovedSequencesTest {
    @Test
    void aSequenceMovedToAnotherSchemaKeepsItsValue() {
        ProjectState from = state(List.of(new Sequence("crm.contact_ids", 1, 10)), entity("Contact", "crm", "contact"));
        ProjectState to = state(List.of(new Sequence("sales.contact_ids", 1, 10)), entity("Contact", "crm", "contact"));
        assertEquals(List.of(new RenameSequence("crm.contact_ids", "sales.contact_ids")), diff(from, to, Map.of()));
    }

    @Test
    void fromTheDefaultSchemaWithANewIncrement() {
        ProjectState from = state(List.of(new Sequence("contact_ids", 1, 50)), entity("Contact", null, "contact"));
        ProjectState to = state(List.of(new Sequence("crm.contact_ids", 1, 10)), entity("Contact", null, "contact"));
        assertEquals(List.of(new RenameSequence("contact_ids", "crm.contact_ids"), new AlterSequence(new Sequence("crm.contact_ids", 1, 10))),
                diff(from, to, Map.of()));
    }

    @Test
    void twoCandidatesAreNotGuessedBetween() {
        ProjectState from = state(List.of(new Sequence("ids", 1, 50)), entity("Contact", null, "contact"));
        ProjectState to = state(List.of(new Sequence("crm.ids", 1, 50), new Sequence("sales.ids", 1, 50)),
                entity("Contact", null, "contact"));
        List<Operation> ops = diff(from, to, Map.of());
        assertTrue(ops.stream().noneMatch(o -> o instanceof RenameSequence), ops.toString());
        assertEquals(2, ops.stream().filter(o -> o instanceof CreateSequence).count(), ops.toString());
        assertEquals(1, ops.stream().filter(o -> o instanceof DeleteSequence).count(), ops.toString());
    }
}
