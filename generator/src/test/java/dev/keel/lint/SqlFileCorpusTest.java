package dev.keel.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-written plain SQL migration files (Flyway's {@code V<n>__} files, Liquibase formatted SQL), each linted alone
 * (so every table it does not create counts as existing and holding rows): {@code src/test/resources/lint-sql/unsafe/}
 * must draw exactly the rules its line {@code -- expect: a, b} names, {@code safe/} none. The files are grouped by kind
 * of hazard in their names ({@code V2__rewrite_...}, {@code lock_}, {@code break_}, {@code enum_}, {@code drop_},
 * {@code txn_}, {@code lb_} for Liquibase), each kind in many spellings: case, quoted and schema-qualified names,
 * several actions in one ALTER TABLE, comments inside statements, dollar quotes, several statements on a line,
 * transactions written out, Flyway placeholders, psql meta-commands, COPY data, a byte order mark; a file with a
 * {@code .sql.conf} runs outside a transaction.
 */
class SqlFileCorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "lint-sql");

    static List<Path> unsafe() throws IOException {
        return files("unsafe");
    }

    static List<Path> safe() throws IOException {
        return files("safe");
    }

    private static List<Path> files(String kind) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(kind))) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static LintReport lint(Path file) {
        return new Linter().lint(null, file.getParent(), List.of(file.toAbsolutePath()));
    }

    private static Set<String> expected(Path file) throws IOException {
        String line = Files.readAllLines(file).stream().filter(l -> l.startsWith("-- expect:")).findFirst().orElseThrow();
        return Arrays.stream(line.substring("-- expect:".length()).split(",")).map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void eachUnsafeFileDrawsExactlyItsRulesOnItsStatementsLines(Path file) throws IOException {
        LintReport report = lint(file);
        Set<String> found = report.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected(file), found, report.findings().stream().map(Finding::render).toList().toString());
        List<String> lines = Files.readAllLines(file);
        for (Finding f : report.findings()) {
            String line = lines.get(f.line() - 1).strip();
            assertFalse(line.isEmpty() || line.startsWith("--") || line.startsWith("\\"),
                    "the finding points at a statement: " + f.render());
            assertFalse(f.why().isBlank() || f.fix().isBlank(), f.render());
            assertTrue(f.allow().contains("-- keel:allow " + f.rule() + ": <reason>"), f.render());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("safe")
    void eachSafeFilePasses(Path file) throws IOException {
        assertEquals(Set.of("nothing"), expected(file), "a safe file says it expects nothing");
        assertEquals(List.of(), lint(file).findings().stream().map(Finding::render).toList());
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertTrue(unsafe().size() >= 100 && safe().size() >= 60, unsafe().size() + " unsafe, " + safe().size() + " safe");
    }
}
