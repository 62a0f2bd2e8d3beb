package dev.keel.runner.catalog;

import dev.keel.project.ProjectState;
import dev.keel.project.StateTransitions;
import dev.keel.state.Identity;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.keel.migration.Operations.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Differences between catalogs built from states, no database needed. */
class CatalogDiffTest {
    static Table post() {
        return table("post").entity("Post")
                .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                .field("title", column("title", "varchar(255)"))
                .field("status", column("status", "varchar(10)").defaultSql("'draft'"))
                .primaryKey("id")
                .constraint(unique("post_title_key", "title"))
                .constraint(check("post_status_check", "status <> ''"))
                .index(index("post_status_idx", "status").where("status <> 'x'"));
    }

    static Catalog catalog(Table post, String... sequences) {
        ProjectState s = StateTransitions.apply(createModel("post", post), "blog", ProjectState.EMPTY);
        for (String name : sequences) {
            s = StateTransitions.apply(createSequence(sequence(name)), "blog", s);
        }
        return Catalog.fromState(s);
    }

    @Test
    void equalCatalogsHaveNoDifference() {
        assertEquals(List.of(), CatalogDiff.compare(catalog(post()), catalog(post())));
    }

    @Test
    void everyDifferenceIsOneSortedLineExpectedFirst() {
        Table changed = table("post").entity("Post")
                .field("id", column("id", "bigint"))
                .field("title", column("title", "text").nullable().comment("t"))
                .field("extra", column("extra", "integer").nullable())
                .field("status", column("status", "varchar(10)").defaultSql("'final'"))
                .primaryKey("id")
                .constraint(unique("post_title_key", "title", "status").deferrable())
                .constraint(check("post_status_check", "status <> ''").notValid())
                .index(index("post_status_idx", "status").unique());
        assertEquals(List.of(
                "sequence s1 missing",
                "sequence s2 unexpected",
                "table post: check post_status_check: validated true vs false",
                "table post: column extra unexpected",
                "table post: column id: identity BY_DEFAULT vs NONE",
                "table post: column status: default 'draft' vs 'final'",
                "table post: column title: NOT NULL vs nullable",
                "table post: column title: comment none vs t",
                "table post: column title: type varchar(255) vs text",
                "table post: index post_status_idx: unique false vs true",
                "table post: index post_status_idx: where status <> 'x' vs none",
                "table post: unique post_title_key: columns [title] vs [title, status]",
                "table post: unique post_title_key: deferrable false vs true"),
                CatalogDiff.compare(catalog(post(), "s1"), catalog(changed, "s2")));
    }

    @Test
    void namesCanBeIgnored() {
        Table renamed = table("post").entity("Post")
                .field("id", column("id", "bigint").identity(Identity.BY_DEFAULT))
                .field("title", column("title", "varchar(255)"))
                .field("status", column("status", "varchar(10)").defaultSql("'draft'"))
                .withPrimaryKey(new dev.keel.state.PrimaryKey("pk_post", List.of("id")))
                .constraint(unique("uk_1", "title"))
                .constraint(check("ck_1", "(status <> '')"))
                .index(index("idx_1", "status").where("status <> 'x'"));
        assertEquals(List.of(
                "table post: check ck_1 unexpected",
                "table post: check post_status_check missing",
                "table post: index idx_1 unexpected",
                "table post: index post_status_idx missing",
                "table post: primary key post_pkey [id] vs pk_post [id]",
                "table post: unique post_title_key missing",
                "table post: unique uk_1 unexpected"), CatalogDiff.compare(catalog(post()), catalog(renamed)));
        assertEquals(List.of(), CatalogDiff.strict().ignoringNames().diff(catalog(post()), catalog(renamed)).differences());
    }

    @Test
    void allowancesExplainDifferencesAndMustStayInUse() {
        Table extraIndex = post().index(index("post_title_idx", "title"));
        var diff = CatalogDiff.strict()
                .allowing("table post: index post_title_idx unexpected", "keel indexes foreign keys")
                .allowing("table * missing", "no table is missing");
        CatalogDiff.Result result = diff.diff(catalog(post()), catalog(extraIndex));
        assertEquals(List.of(), result.differences());
        assertEquals(List.of("table post: index post_title_idx unexpected (allowed: keel indexes foreign keys)"), result.allowed());
        assertEquals(List.of("table * missing"), result.unusedAllowances());
        assertFalse(result.isClean());
        assertTrue(diff.allowing("table * missing", "no table is missing").diff(catalog(post()), catalog(extraIndex))
                .unusedAllowances().contains("table * missing"));
    }
}
