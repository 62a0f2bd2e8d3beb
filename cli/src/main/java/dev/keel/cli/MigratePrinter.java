package dev.keel.cli;

import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateListener;
import dev.keel.runner.MigrateResult;
import dev.keel.runner.Plan;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints {@code migrate} as it goes, as Django does: one line per migration, {@code OK} and its
 * time when done; notices (waiting, retrying) on lines of their own; then what was deferred.
 */
final class MigratePrinter implements MigrateListener {
    /** Where the lines go: {@link #direct}, or while {@link #flushLater} a writer over it that flushes only on {@link #flush}. */
    private PrintWriter out;
    private final PrintWriter direct;
    private final Ansi ansi;
    private final int verbosity;
    private final Timings timings;
    private boolean lineOpen;
    private String header;

    MigratePrinter(PrintWriter out, Ansi ansi) {
        this(out, ansi, Verbosity.NORMAL, Timings.of(Verbosity.NORMAL, null));
    }

    /** Prints on {@code out}, each SQL statement too at {@code verbosity} 2 and up, the phases' times on {@code timings}. */
    MigratePrinter(PrintWriter out, Ansi ansi, int verbosity, Timings timings) {
        this.out = out;
        this.direct = out;
        this.ansi = ansi;
        this.verbosity = verbosity;
        this.timings = timings;
    }

    /** A line to print before the first migration or the summary, whichever comes first. */
    void header(String line) {
        header = line;
    }

    private void printHeader() {
        if (header != null) {
            out.println(header);
            header = null;
        }
    }

    /** A listener that prints only notices (waiting for a lock, retries), for --json runs. */
    MigrateListener quiet() {
        return new MigrateListener() {
            @Override
            public void notice(String message) {
                MigratePrinter.this.notice(message);
            }

            @Override
            public void statement(MigrationKey key, String sql) {
                MigratePrinter.this.statement(key, sql);
            }

            @Override
            public void phase(String name, Duration took) {
                MigratePrinter.this.phase(name, took);
            }
        };
    }

    @Override
    public void notice(String message) {
        closeLine();
        out.println("  " + message);
        flushLine();
    }

    /** A data migration's line ({@code ctx.log}, a batched walk's progress), indented under its migration. */
    @Override
    public void log(MigrationKey key, String line) {
        closeLine();
        out.println("    " + line);
        flushLine();
    }

    /** At {@code -v 2} and up: the statement, each of its lines indented under its migration. */
    @Override
    public void statement(MigrationKey key, String sql) {
        if (verbosity < Verbosity.SQL) {
            return;
        }
        closeLine();
        for (String line : sql.strip().split("\\R")) {
            out.println("    " + line);
        }
        flushLine();
    }

    /** At {@code -v 3}: how long the runner's phase took. */
    @Override
    public void phase(String name, Duration took) {
        timings.report(name, took);
    }

    /** Progress bars only on an interactive console; redirected output gets plain lines. */
    @Override
    public boolean progressBars() {
        return System.console() != null;
    }

    @Override
    public void started(MigrationKey key, Action action) {
        closeLine();
        printHeader();
        out.print("  " + action.verb() + " " + key + "...");
        flushLine();
        lineOpen = true;
    }

    @Override
    public void finished(MigrationKey key, Action action, Duration took) {
        if (!lineOpen) {
            out.print("  " + action.verb() + " " + key + "...");
        }
        boolean faked = action == Action.FAKE_APPLY || action == Action.FAKE_UNAPPLY;
        out.println(ansi.string(" @|green " + (faked ? "FAKED" : "OK") + "|@") + (faked ? "" : " (" + took.toMillis() + " ms)"));
        flushLine();
        lineOpen = false;
    }

    /** Flushes what was printed, now, unless {@link #flushLater}. */
    private void flushLine() {
        if (out == direct) {
            out.flush();
        }
    }

    /**
     * With {@code later}, what is printed is flushed only by {@link #flush} (none of the lines, even on a writer that
     * flushes each line); without, at once (the default), after flushing what waits. Called while no other thread prints
     * ({@link BackgroundPrinter} calls it before its thread starts and after it ended).
     */
    void flushLater(boolean later) {
        out.flush();
        out = later ? new PrintWriter(direct, false) : direct;
    }

    /** Flushes what was printed. */
    void flush() {
        out.flush();
    }

    private void closeLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }

    /** After the run: nothing to do, or the deferred migrations. */
    void summary(MigrateResult result) {
        closeLine();
        printHeader();
        if (result.done().isEmpty()) {
            out.println("  No migrations to " + (result.plan().backwards() ? "unapply." : "apply."));
        }
        deferred(result.plan());
        out.flush();
    }

    /** {@code --plan}: each migration and its operations, in order. */
    void plan(Plan plan) {
        if (plan.isEmpty()) {
            out.println("Planned operations: none; no migrations to " + (plan.backwards() ? "unapply." : "apply."));
        } else {
            out.println("Planned operations" + (plan.fake() ? " (faked: recorded, not run)" : "") + ":");
        }
        for (Plan.Planned m : plan.migrations()) {
            String flags = (m.atomic() ? "" : ", not atomic") + (m.postDeployment() ? ", post-deployment" : "")
                    + (m.resumeFrom() > 0 ? ", resumes at step " + (m.resumeFrom() + 1) : "");
            out.println(ansi.string("@|bold " + m.key() + "|@") + (plan.backwards() ? " (unapply" + flags + ")"
                    : flags.isEmpty() ? "" : " (" + flags.substring(2) + ")"));
            if (m.operations().isEmpty()) {
                out.println(m.notApplicable().isEmpty() ? "    (no operations)"
                        : "    (no operations on this database; recorded as applied)");
            }
            for (String op : m.operations()) {
                out.println("    " + (plan.backwards() ? "Undo " : "") + op);
            }
            for (String op : m.notApplicable()) {
                out.println(ansi.string("    @|faint Not applicable here:|@ ") + op);
            }
        }
        deferred(plan);
        out.flush();
    }

    private void deferred(Plan plan) {
        if (plan.deferred().isEmpty()) {
            return;
        }
        out.println("Deferred to the post-deployment phase (run keel migrate --post-deploy after deploying):");
        for (Plan.Deferred d : plan.deferred()) {
            out.println(ansi.string("  @|yellow [D]|@ ") + d.key() + " (" + d.reason() + ")");
        }
    }
}
