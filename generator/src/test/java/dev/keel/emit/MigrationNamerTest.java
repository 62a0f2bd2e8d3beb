package dev.keel.emit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationNamerTest {
    @Test
    void initialMigrationIsNamedInitial() {
        assertEquals("initial", MigrationNamer.words(List.of(createModel("post", table("post").column(column("id", "bigint")))), true));
    }

    @Test
    void oneOperationGivesItsFragment() {
        assertEquals("add_post_slug", MigrationNamer.words(List.of(addField("post", "slug", column("slug", "text"))), false));
        assertEquals("0002_add_post_slug", MigrationNamer.name(2, "add_post_slug"));
    }

    @Test
    void severalOperationsGiveTheFirstAndMore() {
        assertEquals("remove_post_legacy_flag_and_more", MigrationNamer.words(List.of(
                removeField("post", "legacyFlag"), addField("post", "slug", column("slug", "text"))), false));
    }

    @Test
    void constraintRemovalsThatServeOtherChangesDoNotNameTheMigration() {
        assertEquals("remove_post_author_and_more", MigrationNamer.words(List.of(
                removeConstraint("post", "fk5l759v7apba3lqguc7bp8h456"), removeField("post", "author")), false));
        assertEquals("remove_post_city_and_more", MigrationNamer.words(List.of(
                removeIndex("post", "idx_post_city"), removeField("post", "city")), false));
        assertEquals("remove_fk_post_author", MigrationNamer.words(List.of(
                removeConstraint("post", "fk_post_author")), false));
        assertEquals("remove_fk_a_and_more", MigrationNamer.words(List.of(
                removeConstraint("post", "fk_a"), removeConstraint("post", "fk_b")), false));
    }

    @Test
    void sequencesOfNewModelsDoNotNameTheMigration() {
        assertEquals("invoice", MigrationNamer.words(List.of(
                createSequence(sequence("invoice_seq").incrementBy(50)),
                createModel("Invoice", table("invoice").column(column("id", "bigint")))), false));
        assertEquals("invoice_seq", MigrationNamer.words(List.of(createSequence(sequence("invoice_seq"))), false));
    }

    @Test
    void indexesHibernateNamedWithAHashAreNamedByTheirColumns() {
        // @Index(columnList = "email") without a name: Hibernate names it IDX and a hash, which says nothing
        assertEquals("customer_email_index", MigrationNamer.words(List.of(
                addIndex("customer", index("idxdwk6cx0afu8bs9o4t536v1j5v", "email"), true)), false));
        assertEquals("ticket_customer_id_created_at_desc_index", MigrationNamer.words(List.of(
                addIndex("ticket", index("IDXm0vnbjqkmr4gnqdb2ruow5asb", "customer_id", "created_at DESC"), true)), false));
        assertEquals("customer_email_unique", MigrationNamer.words(List.of(
                addIndex("customer", index("idxdwk6cx0afu8bs9o4t536v1j5v", "email").unique(), true)), false));
        assertEquals("ix_ticket_customer", MigrationNamer.words(List.of(
                addIndex("ticket", index("ix_ticket_customer", "customer_id"), true)), false));
    }

    @Test
    void newModelsAreListedSorted() {
        assertEquals("author_tag", MigrationNamer.words(List.of(
                createModel("Tag", table("tag").column(column("id", "bigint"))),
                createModel("Author", table("author").column(column("id", "bigint")))), false));
    }

    @Test
    void longNamesAreCutAtAWordAndStayValid() {
        String words = MigrationNamer.clean("add_a_very_long_model_name_with_many_words_field_that_goes_on_and_on_forever");
        assertTrue(words.length() <= MigrationNamer.MAX_WORDS + "_and_more".length(), words);
        assertTrue(words.endsWith("_and_more"), words);
        assertTrue(words.matches("[a-z0-9_]+"), words);
    }

    @Test
    void lockfileRoundTripsSorted() {
        var map = new TreeMap<String, String>();
        map.put("shop", "0002_add_order_total");
        map.put("blog", "0004_remove_post_legacy_flag");
        String text = new Lockfile(map).render();
        assertTrue(text.indexOf("blog:") < text.indexOf("shop:"), text);
        assertEquals(map, Lockfile.parse(text, "x").latest());
    }

    @Test
    void malformedLockfileNamesTheLine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.keel.error.KeelException.class,
                () -> Lockfile.parse("# c\nblog 0001\n", "migrations_lockfile.txt"));
        assertTrue(e.getMessage().startsWith("migrations_lockfile.txt:2:"), e.getMessage());
    }
}
