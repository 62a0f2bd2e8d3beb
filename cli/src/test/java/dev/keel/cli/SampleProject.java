package dev.keel.cli;

import dev.keel.runner.testing.TestDatabase;

import java.io.IOException;
import java.nio.file.Path;

/** A copy of a sample project of {@code src-samples/} in a temporary folder, and a test database URL for it. */
final class SampleProject {
    static final Path SAMPLES = Path.of("..", "src-samples");

    private SampleProject() {}

    /** Copies {@code src-samples/NAME} into {@code dir} (without what runs left in it: .keel/, target/) and returns {@code dir}. */
    static Path copy(String name, Path dir) throws IOException {
        return dev.keel.testing.SampleProjects.copy(name, dir);
    }

    /** The JDBC URL of {@code db}, with its user in it (what {@code --url} takes). */
    static String url(TestDatabase db) {
        return db.url() + (db.url().contains("?") ? "&" : "?") + "user=" + db.user()
                + (db.password() == null ? "" : "&password=" + db.password());
    }

    /** The migrations folder of the blog sample copied into {@code dir}. */
    static Path blogMigrations(Path dir) {
        return dir.resolve("src/main/java/com/example/blog/migrations");
    }
}
