package org.example.newsroom;

import dev.keel.migration.HistoricalTable;
import dev.keel.runner.junit.BeforeMigration;
import dev.keel.runner.junit.HistoricalDatabase;
import dev.keel.runner.junit.MigrationRun;
import dev.keel.runner.junit.MigrationTest;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data migration 0003: before each test the database is at 0002 (articles without a word count),
 * {@link #seed} adds articles, and the harness migrates to 0003.
 */
@MigrationTest(app = "newsroom", from = "0002", to = "0003")
class FillArticleWordCountTest {
    /** Enough articles for three batches of 500. */
    static final int ARTICLES = 1_250;

    @BeforeMigration
    void seed(HistoricalDatabase before) throws SQLException {
        before.insert("article", Map.of("id", 1L, "title", "Short", "body", "Three short words"));
        before.insert("article", Map.of("id", 2L, "title", "Blank", "body", "  \n "));
        before.insert("article", Map.of("id", 3L, "title", "Spaced", "body", "\t two\n\nwords  "));
        before.insert("article", Map.of("id", 4L, "title", "Counted", "body", "counted by the application", "wordCount", 99));
        // the rest: article n has (n % 7) + 1 words; table and columns named as they are at 0002
        HistoricalTable article = before.table("article");
        before.execute("INSERT INTO " + article.name() + " (" + article.column("id") + ", " + article.column("title") + ", "
                + article.column("body") + ") SELECT n, 'Article ' || n, repeat('word ', n % 7 + 1)"
                + " FROM generate_series(5, ?) n", ARTICLES);
    }

    @Test
    void countsTheWordsOfEachArticle(HistoricalDatabase after) throws SQLException {
        var rows = after.rows("article");
        assertEquals(ARTICLES, rows.size());
        assertEquals(Map.of("id", 1L, "title", "Short", "body", "Three short words", "wordCount", 3), rows.get(0));
        assertEquals(0, rows.get(1).get("wordCount"), "a blank body has no words");
        assertEquals(2, rows.get(2).get("wordCount"), "leading, trailing and repeated white space");
        assertEquals(ARTICLES - 4, after.count("SELECT count(*) FROM article WHERE id >= 5 AND word_count = id % 7 + 1"));
    }

    @Test
    void keepsACountThatWasThere(HistoricalDatabase after) throws SQLException {
        assertEquals(99, after.rows("article").get(3).get("wordCount"));
    }

    @Test
    void walksTheTableInBatches(MigrationRun run) {
        String summary = run.log().stream().filter(l -> l.contains("countWords#1 on article: ") && l.contains(" batches"))
                .findFirst().orElseThrow(() -> new AssertionError("no summary of the walk in " + run.log()));
        assertTrue(summary.startsWith("newsroom.0003_fill_article_word_count: countWords#1 on article: "
                + ARTICLES + " rows in 3 batches, " + (ARTICLES - 1) + " changed, "), summary);
    }
}
