package com.example.bootblog;

import com.example.bootblog.journal.Article;
import com.example.bootblog.journal.ArticleRepository;
import com.example.bootblog.journal.Writer;
import com.example.bootblog.journal.WriterRepository;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application started as in production, on a fresh database of the embedded PostgreSQL, with
 * {@code spring.jpa.hibernate.ddl-auto=validate}: keel's starter migrates before JPA starts, and refuses to start
 * the application when the database's history disagrees with the migrations it ships.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootBlogApplicationTest {
    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "spring.main.banner-mode=off"));
        properties.addAll(List.of(more));
        return new SpringApplicationBuilder(BootBlogApplication.class).properties(properties.toArray(String[]::new)).run();
    }

    private List<String> rows(String sql) throws SQLException {
        var result = new ArrayList<String>();
        try (Connection c = db.connect(); var st = c.createStatement(); var r = st.executeQuery(sql)) {
            while (r.next()) {
                result.add(r.getString(1));
            }
        }
        return result;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void keelMigratesBeforeHibernateValidatesAndTheRepositoriesWork(CapturedOutput output) throws SQLException {
        try (ConfigurableApplicationContext context = start()) {
            // the order is Spring Boot's database-initialization dependency, not luck
            assertTrue(List.of(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
                    .contains("keelMigrationInitializer"));
            assertEquals(List.of("journal.0001_initial", "journal.0002_add_article_summary"),
                    rows("SELECT app || '.' || name FROM keel_migrations ORDER BY name"));
            WriterRepository writers = context.getBean(WriterRepository.class);
            ArticleRepository articles = context.getBean(ArticleRepository.class);
            Writer ada = writers.save(new Writer("Ada Lovelace", "ada@example.com"));
            Article notes = new Article(ada, "Notes on the Analytical Engine", "It weaves algebraic patterns.");
            notes.setSummary("The first published program");
            notes.publish(Instant.parse("1843-09-01T00:00:00Z"));
            articles.save(notes);
            articles.save(new Article(ada, "A draft", null));

            List<Article> published = articles.findByStatusOrderByPublishedAtDesc(Article.Status.PUBLISHED);
            assertEquals(1, published.size());
            assertEquals("The first published program", published.get(0).getSummary());
            assertEquals(ada.getId(), writers.findByEmail("ada@example.com").orElseThrow().getId());
            assertEquals(List.of("PUBLISHED", "DRAFT"), rows("SELECT status FROM article ORDER BY id"));
        }
        assertTrue(output.getOut().contains("Applying journal.0001_initial"), output.getOut());

        // a second start finds nothing to do and validates again
        try (ConfigurableApplicationContext context = start()) {
            assertEquals(2, context.getBean(ArticleRepository.class).count());
        }
        assertTrue(output.getOut().contains("no migrations to apply"), output.getOut());
    }

    @Test
    void withoutKeelHibernateFindsNoTablesToValidate() {
        // the ordering is what makes the first test pass: without keel's migrations, validate fails on the empty database
        Throwable failure = assertThrows(Throwable.class, () -> start("keel.enabled=false").close());
        String all = messages(failure);
        assertTrue(all.contains("Schema-validation: missing"), all);
    }

    @Test
    void anAppliedMigrationWhoseClassIsMissingStopsTheApplication(CapturedOutput output) throws SQLException {
        start().close();
        // the database was migrated by a newer release, whose migration 0003 this build does not have
        execute("INSERT INTO keel_migrations (app, name, checksum) VALUES ('journal', '0003_add_article_slug', 'sha256:0')");

        Throwable failure = assertThrows(Throwable.class, () -> start().close());
        KeelException keel = keelException(failure);
        assertEquals(ErrorKind.INCONSISTENT_HISTORY, keel.kind());
        assertTrue(keel.getMessage().contains("migration journal.0003_add_article_slug is recorded as applied"),
                keel.getMessage());
        assertTrue(keel.getMessage().contains("no class M0003_add_article_slug of app journal is on the class path"),
                keel.getMessage());
        String report = output.toString();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("keel did not migrate the database (INCONSISTENT_HISTORY"), report);
        assertTrue(report.contains("no class M0003_add_article_slug of app journal is on the class path"), report);
    }

    @Test
    void anEditedAppliedMigrationStopsTheApplicationBeforeAnythingRuns() throws SQLException {
        start().close();
        // 0002 was applied with other operations than the ones this build ships (another checksum of what it
        // does), and the history has lost 0001, which keel would otherwise apply
        String recorded = rows("SELECT checksum FROM keel_migrations WHERE name = '0002_add_article_summary'").get(0);
        assertTrue(recorded.matches("v2:[0-9a-f]{64}"), recorded);
        String other = "v2:" + (recorded.charAt(3) == '0' ? '1' : '0') + recorded.substring(4);
        execute("UPDATE keel_migrations SET checksum = '" + other + "' WHERE name = '0002_add_article_summary'");
        execute("DELETE FROM keel_migrations WHERE name = '0001_initial'");

        Throwable failure = assertThrows(Throwable.class, () -> start().close());
        KeelException keel = keelException(failure);
        assertEquals(ErrorKind.INCONSISTENT_HISTORY, keel.kind());
        assertTrue(keel.getMessage().contains("migration journal.0002_add_article_summary was applied on"), keel.getMessage());
        assertTrue(keel.getMessage().contains("has changed"), keel.getMessage());
        assertFalse(rows("SELECT name FROM keel_migrations").contains("0001_initial"),
                "keel ran nothing while the history disagrees");
    }

    private static KeelException keelException(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KeelException k) {
                return k;
            }
        }
        return assertInstanceOf(KeelException.class, cause, "the start failed for another reason: " + failure);
    }

    private static String messages(Throwable failure) {
        var sb = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
