package dev.keel.cli;

import dev.keel.lint.Finding;
import dev.keel.lint.Findings;
import dev.keel.lint.LintReport;
import dev.keel.lint.LintRule;
import dev.keel.lint.LintRules;
import dev.keel.lint.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code keel lint}: checks migration files against the safety rules the generator follows. */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks migrations against the safety rules keel's generator follows: locks that block a busy"
                + " table, changes that break the code still running during a deploy, SQL in RunSql included.",
                "Plain SQL migration files (Flyway's V2__add_email.sql, Liquibase's formatted SQL) are checked too,"
                + " statement by statement, with or without a keel.json.",
                "Exit 1 when something is found, 0 when all is clean.",
                "To let one operation through, say why on its line: // keel:allow RULE: REASON"})
final class LintCommand implements Callable<Integer> {
    @Mixin ProjectMixin project;
    @Mixin JsonMixin json;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Migration files (keel's Java migrations, .sql files)"
            + " or folders, relative to the project folder. Default: every app's migrations folder.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--rules", description = "List the rules, with why each matters, and check nothing.")
    boolean listRules;

    /** One allowed finding as --json prints it. */
    record Allowed(String file, int line, String rule, String reason) {}

    /** A finding as --json gives it: everything the terminal shows, the allow comment included. */
    record JsonFinding(String file, int line, String rule, String message, String why, String fix, String allow) {
        static JsonFinding of(Finding f) {
            return new JsonFinding(f.file(), f.line(), f.rule(), f.message(), f.why(), f.fix(), f.allow());
        }
    }

    record Report(int migrations, List<JsonFinding> findings, List<Allowed> allowed) {}

    record Rule(String name, String why, String fix) {}

    @Override
    public Integer call() {
        if (listRules) {
            printRules();
            return 0;
        }
        // plain SQL files alone need no keel.json: a Flyway or Liquibase project can lint its migrations as they are
        boolean sqlOnly = !paths.isEmpty() && !project.hasConfig();
        LintReport report = new Linter().lint(sqlOnly ? null : project.config(), project.projectDir(), paths);
        if (json.enabled()) {
            JsonMixin.print(project.out(), new Report(report.migrations(), report.findings().stream().map(JsonFinding::of).toList(),
                    report.allowed().stream().map(LintCommand::allowed).toList()));
        } else {
            PrintWriter out = project.out();
            report.findings().forEach(f -> out.println(f.render()));
            out.println(report.summary());
        }
        return report.clean() ? 0 : 1;
    }

    private static Allowed allowed(Findings.Allowed a) {
        return new Allowed(a.finding().file(), a.finding().line(), a.finding().rule(), a.reason());
    }

    private void printRules() {
        if (json.enabled()) {
            JsonMixin.print(project.out(), LintRules.ALL.stream().map(r -> new Rule(r.name(), r.why(), r.fix())).toList());
            return;
        }
        for (LintRule r : LintRules.ALL) {
            project.out().println(r.name() + "\n    why: " + r.why() + "\n    fix: " + r.fix());
        }
    }
}
