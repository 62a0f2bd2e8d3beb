package dev.keel.scan;

import dev.keel.project.ProjectState;
import dev.keel.state.ForeignKey;
import dev.keel.state.Sequence;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.keel.scan.ScanFixture.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which schema each table and sequence lives in, as Hibernate 6.6 places them on PostgreSQL (the oracle sample
 * {@code oracle/schemas} checks the same against Hibernate itself): the {@code schema} an annotation writes, through
 * the naming strategy; the default schema when none is written, even for the sequence and the implicit join and
 * collection tables of an entity whose table is in another schema; {@code public} is the default schema; a
 * {@code catalog} is left out.
 */
class SchemasTest {
    @TempDir
    Path dir;

    private static List<String> sequences(ProjectState s) {
        return s.sequences().stream().map(q -> q.name() + " " + q.start() + "/" + q.increment()).sorted().toList();
    }

    private static String target(Table t, String column) {
        return t.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of(column))).map(ForeignKey::targetTable)
                .findFirst().orElseThrow(() -> new AssertionError("no foreign key on " + column + " of " + t.qualifiedName()));
    }

    @Test
    void sequenceGeneratorSchemaQualifiesTheSequenceThroughTheNamingStrategy() {
        ProjectState s = new ScanFixture(dir)
                .entity("Ticket", "@Entity public class Ticket { @Id @GeneratedValue(generator = \"g\")"
                        + " @SequenceGenerator(name = \"g\", sequenceName = \"ticketIds\", schema = \"supportDesk\", catalog = \"helpdesk\")"
                        + " Long id; }")
                .scan();
        assertEquals(List.of("support_desk.ticket_ids 1/50"), sequences(s));
        assertNull(table(s, "Ticket").schema());
    }

    @Test
    void aSequenceNameWithADotIsSchemaAndNameAndTheSchemaElementIsIgnored() {
        ProjectState s = new ScanFixture(dir)
                .entity("Visit", "@Entity public class Visit { @Id @GeneratedValue(generator = \"v\")"
                        + " @SequenceGenerator(name = \"v\", sequenceName = \"crmData.visitIds\") Long id; }")
                .entity("PhoneCall", "@Entity public class PhoneCall { @Id @GeneratedValue(generator = \"c\")"
                        + " @SequenceGenerator(name = \"c\", sequenceName = \"crm.callIds\", schema = \"sales\") Long id; }")
                .entity("Meeting", "@Entity public class Meeting { @Id @GeneratedValue(generator = \"m\")"
                        + " @SequenceGenerator(name = \"m\", sequenceName = \"calendar.crm.meeting_ids\") Long id; }")
                .entity("Tag", "@Entity public class Tag { @Id @GeneratedValue(generator = \"t\")"
                        + " @SequenceGenerator(name = \"t\", sequenceName = \"public.tag_ids\") Long id; }")
                .scan();
        assertEquals(List.of("calendar.meeting_ids 1/50", "crm.call_ids 1/50", "crm_data.visit_ids 1/50", "tag_ids 1/50"),
                sequences(s));
    }

    @Test
    void sequencesWithoutSchemaAreInTheDefaultSchemaWhateverTheTablesSchema() {
        ProjectState s = new ScanFixture(dir)
                .entity("Customer", "@Entity @Table(schema = \"crm\") public class Customer {"
                        + " @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id; }")
                .entity("Lead", "@Entity @Table(schema = \"crm\") public class Lead { @Id @GeneratedValue(generator = \"g\")"
                        + " @SequenceGenerator(name = \"g\", sequenceName = \"lead_ids\", allocationSize = 1) Long id; }")
                .scan();
        assertEquals(List.of("customer_seq 1/50", "lead_ids 1/1"), sequences(s));
        assertEquals("crm.customer", table(s, "Customer").qualifiedName());
    }

    @Test
    void oneSequenceNameInTwoSchemasIsTwoSequences() {
        ProjectState s = new ScanFixture(dir)
                .entity("Lead", "@Entity public class Lead { @Id @GeneratedValue(generator = \"g\")"
                        + " @SequenceGenerator(name = \"g\", sequenceName = \"lead_ids\", allocationSize = 1) Long id; }")
                .entity("Opportunity", "@Entity @Table(schema = \"crm\") public class Opportunity { @Id @GeneratedValue(generator = \"o\")"
                        + " @SequenceGenerator(name = \"o\", sequenceName = \"lead_ids\", schema = \"crm\", initialValue = 100,"
                        + " allocationSize = 5) Long id; }")
                .scan();
        assertEquals(List.of("crm.lead_ids 100/5", "lead_ids 1/1"), sequences(s));
    }

    @Test
    void implicitJoinAndCollectionTablesOfAnEntityInASchemaAreInTheDefaultSchema() {
        ProjectState s = new ScanFixture(dir)
                .entity("Customer", "@Entity @Table(schema = \"crm\") public class Customer { @Id @GeneratedValue Long id;"
                        + " @ElementCollection Set<String> tags; @ManyToMany Set<Segment> segments;"
                        + " @ElementCollection @CollectionTable(name = \"customer_note\", schema = \"audit\") List<String> notes;"
                        + " @ManyToMany @JoinTable(name = \"customer_partner\", schema = \"salesData\") Set<Segment> partners; }")
                .entity("Segment", "@Entity public class Segment { @Id @GeneratedValue Long id; }")
                .scan();
        Table tags = table(s, "customer_tags");
        Table segments = table(s, "customer_segments");
        assertNull(tags.schema());
        assertNull(segments.schema());
        assertEquals("crm.customer", target(tags, "customer_id"));
        assertEquals("segment", target(segments, "segments_id"));
        assertEquals("audit.customer_note", table(s, "customer_note").qualifiedName());
        Table partners = table(s, "customer_partner");
        assertEquals("sales_data.customer_partner", partners.qualifiedName());
        assertEquals("crm.customer", target(partners, "customer_id"));
    }

    @Test
    void joinedChildInAnotherSchemaReferencesItsParentAcrossSchemas() {
        ProjectState s = new ScanFixture(dir)
                .entity("Party", "@Entity @Table(schema = \"crm\") @Inheritance(strategy = InheritanceType.JOINED)"
                        + " public class Party { @Id @GeneratedValue Long id; }")
                .entity("Company", "@Entity @Table(schema = \"sales\") public class Company extends Party { String vat; }")
                .entity("Person", "@Entity public class Person extends Party { String name; }")
                .scan();
        assertEquals("crm.party", target(table(s, "Company"), "id"));
        assertEquals("sales.company", table(s, "Company").qualifiedName());
        assertEquals("crm.party", target(table(s, "Person"), "id"));
        assertEquals(List.of("party_seq 1/50"), sequences(s));
    }

    @Test
    void schemaPublicIsTheDefaultSchema() {
        ProjectState s = new ScanFixture(dir)
                .entity("Tag", "@Entity @Table(schema = \"public\") public class Tag { @Id @GeneratedValue(generator = \"g\")"
                        + " @SequenceGenerator(name = \"g\", sequenceName = \"tag_ids\", schema = \"public\") Long id;"
                        + " @ManyToMany @JoinTable(schema = \"public\") Set<Tag> related; }")
                .scan();
        assertEquals("tag", table(s, "Tag").qualifiedName());
        assertEquals("tag_related", table(s, "tag_related").qualifiedName());
        assertEquals("tag", target(table(s, "tag_related"), "tag_id"));
        assertEquals(List.of("tag_ids 1/50"), sequences(s));
    }

    @Test
    void aTableNameWithADotIsRefusedWithTheSchemaToWrite() {
        List<String> problems = new ScanFixture(dir).jpaNaming()
                .entity("Customer", "@Entity @Table(name = \"crm.Customer\") public class Customer { @Id Long id;"
                        + " @ElementCollection @CollectionTable(name = \"crm.customer_tags\") Set<String> tags; }")
                .problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("table name \"crm.Customer\" has a dot: Hibernate 6.6 makes it one quoted name, a table"
                + " of the default schema, not table Customer of schema crm"), problems.get(0));
        assertTrue(problems.get(0).contains("write @Table(name = \"Customer\", schema = \"crm\")"), problems.get(0));
        List<String> collection = new ScanFixture(dir.resolve("collection")).jpaNaming()
                .entity("Customer", "@Entity public class Customer { @Id Long id;"
                        + " @ElementCollection @CollectionTable(name = \"crm.customer_tags\") Set<String> tags; }")
                .problems();
        assertTrue(collection.get(0).contains("write @CollectionTable(name = \"customer_tags\", schema = \"crm\")"), collection.toString());
    }

    @Test
    void aTableNameWithADotIsAnUnderscoreUnderSpringNaming() {
        ProjectState s = new ScanFixture(dir)
                .entity("Customer", "@Entity @Table(name = \"crm.Customer\") public class Customer { @Id Long id; }")
                .scan();
        assertEquals("crm_customer", table(s, "Customer").qualifiedName());
    }

    @Test
    void aTableOnASingleTableSubclassIsRefusedAsHibernateRefusesToStart() {
        List<String> problems = new ScanFixture(dir)
                .entity("Event", "@Entity @Table(schema = \"ops\") @Inheritance(strategy = InheritanceType.SINGLE_TABLE)"
                        + " public class Event { @Id @GeneratedValue Long id; }")
                .entity("Login", "@Entity @Table(schema = \"audit\") public class Login extends Event { String who; }")
                .problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Login.java:11: @Table on entity Login, a subclass in the SINGLE_TABLE hierarchy of Event:"
                + " Hibernate 6.6 refuses to start"), problems.get(0));
    }

    @Test
    void tableCatalogIsLeftOut() {
        ProjectState s = new ScanFixture(dir)
                .entity("Ledger", "@Entity @Table(name = \"ledger\", catalog = \"accounting\") public class Ledger {"
                        + " @Id @GeneratedValue Long id; }")
                .entity("Entry", "@Entity @Table(catalog = \"accounting\", schema = \"books\") public class Entry {"
                        + " @Id @GeneratedValue Long id; @ManyToOne Ledger ledger; }")
                .scan();
        assertEquals("ledger", table(s, "Ledger").qualifiedName());
        assertEquals("books.entry", table(s, "Entry").qualifiedName());
        assertEquals("ledger", target(table(s, "Entry"), "ledger_id"));
    }
}
