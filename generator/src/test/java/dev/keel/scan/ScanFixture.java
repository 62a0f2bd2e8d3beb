package dev.keel.scan;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.project.ProjectState;
import dev.keel.state.Column;
import dev.keel.state.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Writes small entity sources into a project folder (app {@code app}, package {@code app}) and scans
 * them: the unit tests of the mapping rules.
 */
final class ScanFixture {
    private final Path dir;
    private final Map<String, String> files = new LinkedHashMap<>();
    private String naming = "snake_case";
    private boolean beanValidation;
    private List<String> libraries = List.of();
    private String hibernate;

    ScanFixture(Path dir) {
        this.dir = dir;
    }

    /** Adds a class of package {@code app}; the imports of JPA and Hibernate's annotations are added. */
    ScanFixture entity(String simpleName, String body) {
        return file("app/" + simpleName + ".java", "package app;\n\nimport jakarta.persistence.*;\n"
                + "import org.hibernate.annotations.Check;\nimport org.hibernate.annotations.ColumnDefault;\n"
                + "import org.hibernate.annotations.Comment; import org.hibernate.annotations.OnDelete;"
                + " import org.hibernate.annotations.OnDeleteAction;\nimport java.util.*;\nimport java.math.*;\nimport java.time.*;\n\n" + body);
    }

    /** Adds a file under the source root, as written. */
    ScanFixture file(String path, String content) {
        files.put(path, content);
        return this;
    }

    ScanFixture jpaNaming() {
        naming = "jpa";
        return this;
    }

    /** The keel.json "libraries" entries (paths relative to the project). */
    ScanFixture libraries(String... entries) {
        libraries = List.of(entries);
        return this;
    }

    /** keel.json's {@code "hibernate"}: the project's Hibernate major version ({@code "7"}). */
    ScanFixture hibernate(String version) {
        hibernate = version;
        return this;
    }

    ScanFixture beanValidation() {
        beanValidation = true;
        return this;
    }

    ProjectState scan() {
        write();
        return EntityScanner.scan(dir, KeelConfig.read(dir));
    }

    /** The problems of a scan that must fail. */
    List<String> problems() {
        write();
        KeelException e = assertThrows(KeelException.class, () -> EntityScanner.scan(dir, KeelConfig.read(dir)));
        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        return e.problems();
    }

    private void write() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("keel.json"), "{\"sourceRoots\": [\"src\"], \"naming\": \"" + naming
                    + "\", \"beanValidation\": " + beanValidation + ", \"apps\": [{\"label\": \"app\", \"package\": \"app\"}]"
                    + (libraries.isEmpty() ? "" : ", \"libraries\": [" + String.join(", ", libraries.stream()
                    .map(l -> "\"" + l + "\"").toList()) + "]")
                    + (hibernate == null ? "" : ", \"hibernate\": \"" + hibernate + "\"") + "}");
            for (var f : files.entrySet()) {
                Path p = dir.resolve("src").resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table of a model. */
    static Table table(ProjectState state, String model) {
        return state.requireTable("app", model);
    }

    /** A column of a model's table. */
    static Column column(ProjectState state, String model, String column) {
        return table(state, model).findColumn(column).orElseThrow(() -> new AssertionError("no column " + column
                + " in " + table(state, model).columns().stream().map(Column::name).toList()));
    }

    /** The column names of a model's table, in order. */
    static List<String> columns(ProjectState state, String model) {
        return table(state, model).columns().stream().map(Column::name).toList();
    }
}
