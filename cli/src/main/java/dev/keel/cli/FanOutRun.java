package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.migration.MigrationKey;
import dev.keel.runner.FanOut;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateRequest;
import dev.keel.runner.MigrationSet;
import dev.keel.runner.RunnerSettings;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code keel migrate --all-targets}: migrates every target, printing one line per event prefixed with
 * the target's name ({@code [region/eu] Applying blog.0002_x... OK (12 ms)}), then a summary table (or
 * {@code --json}). Lines never show URLs or passwords: targets are named as {@code keel.json} names them.
 */
final class FanOutRun {
    /** What --json prints. */
    record Report(int targets, int migrated, int failed, int notStarted, List<FanOut.TargetResult> results) {}

    private final ProjectMixin project;
    private final JsonMixin json;

    FanOutRun(ProjectMixin project, JsonMixin json) {
        this.project = project;
        this.json = json;
    }

    int run(KeelConfig config, Map<String, RunnerSettings> settings, List<FanOut.Target> targets, MigrationSet set,
            MigrateRequest request, int parallel, boolean keepGoing) {
        PrintWriter out = project.notes(json.enabled());
        out.println("Migrating " + targets.size() + (targets.size() == 1 ? " target" : " targets") + ", " + Math.min(parallel, Math.max(1, targets.size()))
                + " at a time" + (keepGoing ? ", going on after failures" : ", no new target after a failure") + ":");
        out.flush();
        var progress = new FanOut.Progress() {
            @Override
            public void started(FanOut.Target t) {
                line(out, t.name(), "started");
            }

            @Override
            public MigrateListener listener(FanOut.Target t) {
                return new MigrateListener() {
                    @Override public void notice(String message) { line(out, t.name(), message); }

                    @Override
                    public void finished(MigrationKey key, Action action, Duration took) {
                        line(out, t.name(), action.verb() + " " + key + "... OK (" + took.toMillis() + " ms)");
                    }
                };
            }

            @Override
            public void finished(FanOut.TargetResult r) {
                switch (r.outcome()) {
                    case MIGRATED -> line(out, r.target(), r.applied().isEmpty() ? "up to date"
                            : "done: " + r.applied().size() + " applied");
                    case FAILED -> line(out, r.target(), "FAILED: " + brief(r.error()));
                    case NOT_STARTED -> line(out, r.target(), "not started (an earlier target failed)");
                }
            }
        };
        List<FanOut.TargetResult> results = FanOut.migrate(set, DatabaseMixin.router(config), settings::get, targets,
                request, parallel, keepGoing, progress);
        long migrated = results.stream().filter(r -> r.outcome() == FanOut.Outcome.MIGRATED).count();
        long failed = results.stream().filter(r -> r.outcome() == FanOut.Outcome.FAILED).count();
        long notStarted = results.size() - migrated - failed;
        if (json.enabled()) {
            JsonMixin.print(project.out(), new Report(results.size(), (int) migrated, (int) failed, (int) notStarted, results));
        } else if (project.verbosity() == Verbosity.QUIET) {
            // -v 0: no progress and no table, but the failures still: they are errors
            results.stream().filter(r -> r.outcome() == FanOut.Outcome.FAILED)
                    .forEach(r -> project.err().println("error: [" + r.target() + "] " + r.error()));
            project.err().flush();
        } else {
            summary(out, results, migrated, failed, notStarted);
        }
        project.out().flush();
        if (failed == 0) {
            return 0;
        }
        return results.stream().filter(r -> r.outcome() == FanOut.Outcome.FAILED).mapToInt(FanOut.TargetResult::exitCode)
                .max().orElse(5);
    }

    /** The line of a failure that says what went wrong: PostgreSQL's own message when there is one. */
    static String brief(String error) {
        return error.lines().filter(l -> l.startsWith("PostgreSQL: ")).map(l -> l.substring("PostgreSQL: ".length()))
                .findFirst().orElseGet(() -> error.lines().findFirst().orElse(""));
    }

    private static void line(PrintWriter out, String target, String text) {
        synchronized (out) {
            out.println("  [" + target + "] " + text);
            out.flush();
        }
    }

    private void summary(PrintWriter out, List<FanOut.TargetResult> results, long migrated, long failed, long notStarted) {
        int width = Math.max(6, results.stream().mapToInt(r -> r.target().length()).max().orElse(6));
        out.println();
        out.println(String.format("%-" + width + "s  %-11s  %7s  %s", "TARGET", "RESULT", "APPLIED", "DETAIL"));
        for (FanOut.TargetResult r : results) {
            String result = switch (r.outcome()) {
                case MIGRATED -> project.ansi().string("@|green migrated|@   ");
                case FAILED -> project.ansi().string("@|red FAILED|@     ");
                case NOT_STARTED -> project.ansi().string("@|yellow not started|@");
            };
            String detail = switch (r.outcome()) {
                case MIGRATED -> r.applied().isEmpty() ? "up to date" : r.millis() + " ms";
                case FAILED -> brief(r.error());
                case NOT_STARTED -> "run again (or use --keep-going)";
            };
            out.println(String.format("%-" + width + "s  %s  %7d  %s", r.target(), result, r.applied().size(), detail));
        }
        out.println();
        out.println(migrated + " migrated, " + failed + " failed, " + notStarted + " not started."
                + (failed + notStarted > 0 ? " Fix the failure and run keel migrate --all-targets again: each target"
                + " goes on where it stopped." : ""));
        results.stream().filter(r -> r.outcome() == FanOut.Outcome.FAILED).forEach(r -> {
            out.println();
            out.println("[" + r.target() + "] " + r.error());
        });
    }
}
