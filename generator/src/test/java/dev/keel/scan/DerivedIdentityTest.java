package dev.keel.scan;

import dev.keel.project.ProjectState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Derived identifiers: {@code @MapsId} with a simple {@code @Id} and with an {@code @EmbeddedId}. */
class DerivedIdentityTest {
    @TempDir
    Path dir;

    private ScanFixture withAccount() {
        return new ScanFixture(dir).entity("Account", "@Entity public class Account { @Id @GeneratedValue Long id; String name; }");
    }

    @Test
    void aDerivedKeyIsSizedLikeTheKeyItReferences() {
        ProjectState s = new ScanFixture(dir)
                .entity("Code", "@Entity public class Code { @Id @Column(length = 20) String code; }")
                .entity("Label", "@Entity public class Label { @Id String code; @OneToOne @MapsId Code owner; String text; }")
                .scan();
        assertTrue(TableText.of(s, "label").contains("owner_code varchar(20) not null"), TableText.of(s, "label").toString());
    }

    @Test
    void aSharedPrimaryKeyIsTheRelationsJoinColumnTypedLikeTheId() {
        ProjectState s = withAccount()
                .entity("Profile", """
                        @Entity public class Profile { @Id @GeneratedValue @Column(name = "pid") Integer id;
                          @OneToOne(fetch = FetchType.LAZY) @MapsId Account account; String bio; }""")
                .entity("Stats", "@Entity public class Stats { @Id Long id; @ManyToOne @MapsId Account account; int hits; }")
                .scan();
        assertEquals(List.of("account_id integer not null", "bio varchar(255)", "primary key [account_id]",
                "foreign key [account_id] -> account[id]"), TableText.of(s, "profile"));
        assertEquals(List.of("hits integer not null", "account_id bigint not null", "primary key [account_id]",
                "foreign key [account_id] -> account[id]"), TableText.of(s, "stats"));
        assertEquals(List.of("account_seq"), s.sequences().stream().map(q -> q.name()).toList(), "a derived id is never generated");
    }

    @Test
    void mapsIdMayNameTheSimpleIdItself() {
        ProjectState s = withAccount().entity("Wallet", "@Entity public class Wallet { @Id Long id; @OneToOne @MapsId(\"id\") Account account; }")
                .scan();
        assertEquals(List.of("account_id bigint not null", "primary key [account_id]", "foreign key [account_id] -> account[id]"),
                TableText.of(s, "wallet"));
    }

    @Test
    void theJoinColumnNamesTheKeyAndCarriesTheForeignKeyAndItsAction() {
        ProjectState s = withAccount().entity("Settings", """
                @Entity public class Settings { @Id private Long accountId;
                  @OneToOne @MapsId @JoinColumn(name = "owner_ref", foreignKey = @ForeignKey(name = "fk_settings_owner"))
                  @OnDelete(action = OnDeleteAction.CASCADE) private Account account;
                  String theme; }""").scan();
        assertEquals(List.of("owner_ref bigint not null", "theme varchar(255)", "primary key [owner_ref]",
                "foreign key [owner_ref] -> account[id] on delete CASCADE"), TableText.of(s, "settings"));
        assertEquals("fk_settings_owner", ScanFixture.table(s, "settings").foreignKeys().get(0).name());
    }

    @Test
    void mapsIdNamesTheAttributeOfTheEmbeddedIdItDerives() {
        ProjectState s = withAccount()
                .entity("Course", "@Entity public class Course { @Id @GeneratedValue Long id; }")
                .entity("EnrollmentId", """
                        @Embeddable public class EnrollmentId implements java.io.Serializable {
                          @Column(name = "stud") Integer studentId; Long courseId; int term; }""")
                .entity("Enrollment", """
                        @Entity public class Enrollment { @EmbeddedId EnrollmentId id;
                          @ManyToOne @MapsId("studentId") Account student;
                          @ManyToOne @MapsId("courseId") @JoinColumn(name = "course_ref") Course course;
                          LocalDate since; }""").scan();
        assertEquals(List.of("since date", "student_id integer not null", "term integer not null", "course_ref bigint not null",
                "primary key [student_id, term, course_ref]", "foreign key [course_ref] -> course[id]",
                "foreign key [student_id] -> account[id]"), TableText.of(s, "enrollment"));
    }

    @Test
    void mapsIdWithoutValueDerivesTheWholeEmbeddedIdAndKeysChainInAnyOrder() {
        ProjectState s = withAccount()
                .entity("LineId", "@Embeddable public class LineId implements java.io.Serializable { Long orderId; int lineNo; }")
                .entity("Line", """
                        @Entity public class Line { @EmbeddedId LineId id;
                          @ManyToOne @MapsId("orderId") @JoinColumn(name = "ord") Account order; String sku; }""")
                .entity("AaNote", "@Entity public class AaNote { @EmbeddedId LineId id; @OneToOne @MapsId Line line; String text; }")
                .scan();
        assertEquals(List.of("line_no integer not null", "ord bigint not null", "sku varchar(255)", "primary key [line_no, ord]",
                "foreign key [ord] -> account[id]"), TableText.of(s, "line"));
        assertEquals(List.of("line_line_no integer not null", "line_ord bigint not null", "text varchar(255)",
                "primary key [line_line_no, line_ord]", "foreign key [line_line_no, line_ord] -> line[line_no, ord]"),
                TableText.of(s, "aanote"));
    }

    @Test
    void anIdRelationToAnEntityScannedLaterIsKeyedAfterIt() {
        ProjectState s = new ScanFixture(dir)
                .entity("Zeta", "@Entity public class Zeta { @Id @GeneratedValue Long id; }")
                .entity("Alpha", "@Entity public class Alpha { @Id @OneToOne Zeta zeta; String note; }").scan();
        assertEquals(List.of("zeta_id bigint not null", "note varchar(255)", "primary key [zeta_id]",
                "foreign key [zeta_id] -> zeta[id]"), TableText.of(s, "alpha"));
    }

    @Test
    void mappingsHibernateRefusesAreReported() {
        List<String> problems = withAccount()
                .entity("Basic", "@Entity public class Basic { @Id Long id; @MapsId String code; }")
                .entity("WithValue", "@Entity public class WithValue { @Id Long id; @OneToOne @MapsId(\"foo\") Account account; }")
                .entity("PairId", "@Embeddable public class PairId implements java.io.Serializable { Long a; Long b; }")
                .entity("Unknown", "@Entity public class Unknown { @EmbeddedId PairId id; @ManyToOne @MapsId(\"c\") Account account; }")
                .entity("Left", "@Entity public class Left { @Id Long id; @OneToOne @MapsId Right right; }")
                .entity("Right", "@Entity public class Right { @Id Long id; @OneToOne @MapsId Left left; }")
                .problems();
        String all = String.join("\n", problems);
        assertEquals(4, problems.size(), all);
        assertTrue(all.contains("Basic.java:11: @MapsId on code, which is not a @ManyToOne or @OneToOne"), all);
        assertTrue(all.contains("WithValue.java:11: @MapsId(\"foo\") on account names no identifier attribute of WithValue (its @Id is id)"), all);
        assertTrue(all.contains("Unknown.java:11: @MapsId(\"c\") on account names no attribute of the identifier id (app.PairId)"), all);
        assertTrue(all.contains("are derived from each other"), all);
        problems.forEach(p -> assertTrue(p.matches(".*\\.java:\\d+: .*\\. To fix: .*\\."), p));
    }
}
