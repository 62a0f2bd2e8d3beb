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
    private final PrintWriter out;
    private final Ansi ansi;
    private boolean lineOpen;
    private String header;

    MigratePrinter(PrintWriter out, Ansi ansi) {
        this.out = out;
        this.ansi = ansi;
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
        };
    }

    @Override
    public void notice(String message) {
        closeLine();
        out.println("  " + message);
        out.flush();
    }

    /** A data migration's line ({@code ctx.log}, a batched walk's progress), indented under its migration. */
    @Override
    public void log(MigrationKey key, String line) {
        closeLine();
        out.println("    " + line);
        out.flush();
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
        out.flush();
        lineOpen = true;
    }

    @Override
    public void finished(MigrationKey key, Action action, Duration took) {
        if (!lineOpen) {
            out.print("  " + action.verb() + " " + key + "...");
        }
        boolean faked = action == Action.FAKE_APPLY || action == Action.FAKE_UNAPPLY;
        out.println(ansi.string(" @|green " + (faked ? "FAKED" : "OK") + "|@") + (faked ? "" : " (" + took.toMillis() + " ms)"));
        out.flush();
        lineOpen = false;
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
