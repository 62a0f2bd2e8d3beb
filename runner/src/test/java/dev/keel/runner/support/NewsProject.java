package dev.keel.runner.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The test project {@code news}: a post table (0001), a batched data migration filling slugs
 * (0002, post-deployment), and renames of the table and a column (0003). Its files are test
 * resources under {@code data/news/}.
 */
public final class NewsProject {
    /** Where the migrations go in the project. */
    public static final String MIGRATIONS = "src/main/java/com/acme/news/migrations";
    /** The migration files, in order. */
    public static final List<String> FILES = List.of("M0001_initial", "M0002_fill_slugs", "M0003_rename_post");

    private NewsProject() {}

    /** Writes the project into {@code dir} and returns {@code dir}. */
    public static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("keel.json"), """
                {"apps": [{"label": "news", "package": "com.acme.news"}]}
                """);
        Path migrations = Files.createDirectories(dir.resolve(MIGRATIONS));
        for (String name : FILES) {
            try (InputStream in = NewsProject.class.getResourceAsStream("/data/news/" + name + ".java")) {
                Files.write(migrations.resolve(name + ".java"), in.readAllBytes());
            }
        }
        return dir;
    }

    /** Replaces {@code from} by {@code to} in migration {@code file} (a class name) of the project in {@code dir}. */
    public static void edit(Path dir, String file, String from, String to) throws IOException {
        Path f = dir.resolve(MIGRATIONS).resolve(file + ".java");
        String text = Files.readString(f);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not contain " + from);
        }
        Files.writeString(f, text.replace(from, to));
    }
}
