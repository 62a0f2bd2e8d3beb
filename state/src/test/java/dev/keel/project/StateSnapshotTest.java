package dev.keel.project;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.state.Identity;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateSnapshotTest {
    @Test
    void aRichStateSurvivesTheRoundTrip() {
        ProjectState state = StateFixtures.blog();
        String json = StateSnapshot.toJson(state);

        ProjectState back = StateSnapshot.fromJson(json);

        assertEquals(state, back);
        assertEquals(json, StateSnapshot.toJson(back));
    }

    @Test
    void theFixtureHoldsWhatTheRoundTripIsMeantToCover() {
        ProjectState state = StateFixtures.blog();
        Table post = state.requireTable("blog", "post");
        assertEquals(List.of("ForeignKey", "CheckConstraint"),
                post.constraints().stream().map(c -> c.getClass().getSimpleName()).toList());
        assertTrue(state.requireTable("blog", "author").uniques().get(0).isDeferrable());
        assertEquals(Identity.ALWAYS, state.requireTable("blog", "auditlog").findField("id").orElseThrow().identity());
        assertEquals("archive.audit_log", state.requireTable("blog", "auditlog").qualifiedName());
        assertEquals(List.of("PendingTable legacy", "PendingColumn tag"),
                state.pending().stream().map(p -> p.getClass().getSimpleName() + " " + p.model()).toList());
        assertEquals(2, state.sequences().size());
    }

    @Test
    void sealedTypesCarryATypeProperty() {
        String json = StateSnapshot.toJson(StateFixtures.blog());

        assertTrue(json.contains("\"type\" : \"foreignKey\""), json);
        assertTrue(json.contains("\"type\" : \"unique\""), json);
        assertTrue(json.contains("\"type\" : \"check\""), json);
        assertTrue(json.contains("\"type\" : \"column\""), json);
        assertTrue(json.contains("\"type\" : \"table\""), json);
        assertTrue(json.startsWith("{\n  \"format\" : 1,"), json);
    }

    @Test
    void outputDoesNotDependOnTheOrderChangesArrivedIn() {
        ProjectState a = ProjectState.EMPTY.addSequence(Sequence.of("b_seq")).addSequence(Sequence.of("a_seq"));
        ProjectState b = ProjectState.EMPTY.addSequence(Sequence.of("a_seq")).addSequence(Sequence.of("b_seq"));

        assertEquals(StateSnapshot.toJson(a), StateSnapshot.toJson(b));
        assertTrue(StateSnapshot.toJson(a).indexOf("a_seq") < StateSnapshot.toJson(a).indexOf("b_seq"));
    }

    @Test
    void pendingSequencesAndViewsRoundTrip() {
        ProjectState state = StateFixtures.blog()
                .addPending(new dev.keel.state.PendingSequence("blog", new dev.keel.state.Sequence("old_seq", 1, 50)))
                .addPending(new dev.keel.state.PendingView("blog", "old_post", "post", List.of("id", "title")))
                .addPending(new dev.keel.state.PendingSync("blog", "post", "post", "title", "headline", "title", "headline::text"));
        String json = StateSnapshot.toJson(state);
        assertEquals(state, StateSnapshot.fromJson(json));
        assertTrue(json.contains("\"type\" : \"sequence\"") || json.contains("\"type\":\"sequence\""), json);
    }

    @Test
    void theEmptyStateRoundTrips() {
        assertEquals(ProjectState.EMPTY, StateSnapshot.fromJson(StateSnapshot.toJson(ProjectState.EMPTY)));
    }

    @Test
    void aBrokenSnapshotIsAnErrorThatSaysWhatToDo() {
        var e = assertThrows(KeelException.class, () -> StateSnapshot.fromJson("{\"format\": 1, \"state\": {\"tables\": [{]}}"));
        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        assertTrue(e.getMessage().contains("To fix: delete the snapshot"), e.getMessage());

        var wrongFormat = assertThrows(KeelException.class, () -> StateSnapshot.fromJson("{\"format\": 99, \"state\": {}}"));
        assertTrue(wrongFormat.getMessage().contains("format 99"), wrongFormat.getMessage());
    }
}
