package org.example.newsroom.migrations;

import dev.keel.migration.HistoricalTable;
import dev.keel.migration.Migration;
import dev.keel.migration.MigrationContext;

import java.time.Duration;

import static dev.keel.migration.Operations.*;

/**
 * A data migration (written by keel makemigrations --empty, then edited): counts the words of every
 * article that has no count yet. The table is large, so it walks it by primary key in batches of
 * 500 rows, each batch its own short transaction, with a pause between batches; a stopped run resumes
 * after the last batch done. Tested by FillArticleWordCountTest (src/test/java).
 */
public final class M0003_fill_article_word_count extends Migration {
    /** Rows per batch: each batch holds its row locks for a few milliseconds only. */
    static final int BATCH = 500;

    @Override
    protected void define() {
        dependsOn("newsroom", "0002_add_article_word_count");
        // batches commit one by one: not atomic, and run after the deploy (keel migrate --post-deploy)
        atomic(false);
        postDeployment();
        operations(
                runJava("countWords", "keepCounts"));
    }

    void countWords(MigrationContext ctx) throws Exception {
        // names as of this migration: still right after a later rename of the table or the columns
        HistoricalTable article = ctx.table("article");
        ctx.batches("article").size(BATCH).pause(Duration.ofMillis(5))
                .where(article.column("wordCount") + " IS NULL")
                .update(article.column("wordCount") + " = " + wordsOf(article.column("body")));
    }

    /** The number of words of {@code column} in SQL: 0 for blank text, else the white-space separated parts. */
    static String wordsOf(String column) {
        return "CASE WHEN " + column + " ~ '^\\s*$' THEN 0 ELSE array_length(regexp_split_to_array("
                + "regexp_replace(" + column + ", '^\\s+|\\s+$', '', 'g'), '\\s+'), 1) END";
    }

    void keepCounts(MigrationContext ctx) {
        // nothing to undo: the counts are right either way, and unapplying 0002 drops the column
        ctx.log("word counts kept");
    }
}
