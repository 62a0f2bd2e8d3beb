package dev.keel.lint;

import dev.keel.config.KeelConfig;
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
 * Every lint rule's before/after cases: {@code src/test/resources/lint/RULE/unsafe/} holds hand-written
 * migrations the rule must catch (and no other rule, unless a first line {@code // expect: a, b} names
 * them), {@code RULE/safe/} their safe forms, which must pass every rule. All are checked against the
 * shop of the safety scenarios (customer, orders and wishlist, holding rows).
 */
class LintCorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "lint");
    static final Path PROJECT = Path.of("src", "test", "resources", "safety", "_base");

    static List<Path> unsafe() throws IOException {
        return cases("unsafe");
    }

    static List<Path> safe() throws IOException {
        return cases("safe");
    }

    static List<Path> cases(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(f -> f.getParent().getFileName().toString().equals(kind) && f.toString().endsWith(".java"))
                    .sorted().toList();
        }
    }

    static LintReport lint(Path file) {
        return new Linter().lint(KeelConfig.read(PROJECT), PROJECT, List.of(file.toAbsolutePath()));
    }

    static Set<String> expected(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        if (first.startsWith("// expect:")) {
            return Arrays.stream(first.substring("// expect:".length()).split(",")).map(String::strip)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        return Set.of(file.getParent().getParent().getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafe")
    void eachUnsafeMigrationIsCaughtByItsRule(Path file) throws IOException {
        LintReport report = lint(file);
        Set<String> found = report.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(expected(file)), found, report.findings().stream().map(Finding::render).toList().toString());
        for (Finding f : report.findings()) {
            assertTrue(f.line() > 1, "a finding points at its line: " + f.render());
            assertFalse(f.why().isBlank() || f.fix().isBlank(), f.render());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("safe")
    void eachSafeFormPasses(Path file) {
        LintReport report = lint(file);
        assertEquals(List.of(), report.findings().stream().map(Finding::render).toList());
    }

    @Test
    void everyRuleHasUnsafeAndSafeCasesAndTheCorpusIsLargeEnough() throws IOException {
        for (LintRule rule : LintRules.ALL) {
            Path dir = CORPUS.resolve(rule.name());
            assertTrue(Files.isDirectory(dir.resolve("unsafe")) && Files.isDirectory(dir.resolve("safe")),
                    "rule " + rule.name() + " has no before/after cases under " + dir);
        }
        assertEquals(LintRules.ALL.size(), new TreeSet<>(LintRules.names()).size(), "rule names are unique");
        assertTrue(unsafe().size() >= 20, "at least 20 hand-written unsafe migrations: " + unsafe().size());
    }

    @Test
    void anAllowWithAReasonIsReportedAsAllowed() {
        LintReport report = lint(CORPUS.resolve("allow-without-reason/safe/M0002_drop_with_reason.java"));
        assertTrue(report.clean());
        assertEquals(1, report.allowed().size());
        assertEquals("drop-column", report.allowed().get(0).finding().rule());
        assertEquals("legacy_code was never read or written by any release", report.allowed().get(0).reason());
    }
}
