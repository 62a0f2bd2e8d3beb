package dev.keel.bench.load;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The load test's results as the Markdown section of docs/benchmarks.md. */
final class Report {
    private Report() {
    }

    static String markdown(LoadTest.Options o, List<Scenario> scenarios, Map<Scenario, LoadTest.Generated> generated,
                           List<LoadTest.Result> results, String serverVersion) {
        long lockTimeoutNanos = o.lockTimeoutMillis * 1_000_000L;
        StringBuilder md = new StringBuilder();
        md.append(String.format("PostgreSQL %s; `ticket` holds %,d rows (`owner` %,d); %d client threads, each %d writes/s"
                        + " (half inserts, half updates of a random row, one transaction each, the columns of the code"
                        + " deployed before the change); %.1f s of writes before and after each migration; keel's lock"
                        + " timeout %d ms; `ticket` is listed in `largeTables` (except where a change says it is not), so"
                        + " index builds and validations run in `keel migrate --post-deploy`, which the test runs right"
                        + " after `keel migrate`; where it is not listed, `keel migrate` judges the table by its size in"
                        + " the catalog and moves the builds there by itself (listed below).%n%n",
                serverVersion, o.rows, o.owners, o.threads, o.rate, o.settleMillis / 1000.0, o.lockTimeoutMillis));
        md.append("*migration*: from the start of the first `keel migrate` (two JVM starts and keel's replay of the"
                + " history included) or of the naive transaction to its end. *writes during*, *longest write*, *p99*:"
                + " the writes that overlap the migration. *failed*: the writes that failed from the migration's start to"
                + " the end of the run. *longest lock wait*: the longest a writer was seen waiting for a lock (sampled every"
                + " 20 ms), the statement it waited behind and that session's table locks. Goal (brief §10): with keel, no"
                + " failed write and none blocked longer than the lock timeout, that is no write longer than the lock"
                + " timeout plus the longest write of the 2 s before the migration (a write that waited the whole"
                + " timeout still takes its own time afterwards).\n\n");
        md.append("| change | applied by | migration | writes during | failed | longest write | p99 | longest lock wait seen (behind) | goal |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (LoadTest.Result r : results) {
            boolean keel = r.tool() == LoadTest.Tool.KEEL;
            md.append("| ").append(r.scenario().change())
                    .append(" | ").append(r.tool().label)
                    .append(" | ").append(r.applied() ? WriteStats.millis(r.migrationNanos()) : "**failed** " + WriteStats.millis(r.migrationNanos()))
                    .append(" | ").append(String.format("%,d", r.during().writes()))
                    .append(" | ").append(r.since().failed() == 0 ? "0" : "**" + String.format("%,d", r.since().failed()) + "**")
                    .append(" | ").append(WriteStats.millis(r.during().maxNanos()))
                    .append(" | ").append(WriteStats.millis(r.during().p99Nanos()))
                    .append(" | ").append(cell(r.longestWait().describe()))
                    .append(" | ").append(keel ? (r.meetsGoal(lockTimeoutNanos) ? "met" : "**not met**") : "—")
                    .append(" |\n");
        }
        md.append(oldAndNewCode(results, lockTimeoutNanos));
        md.append("\nBefore each migration (the same writes, no DDL) the longest write was ")
                .append(results.stream().map(r -> WriteStats.millis(r.before().maxNanos())).collect(Collectors.joining(", ")))
                .append(" (in the order of the table): the noise floor of this machine.\n\n");

        md.append("What ran, per change (keel's migrations are what `keel makemigrations` wrote, run until it had nothing"
                + " more to write; their SQL is in the run's logs, `keel sqlmigrate`):\n\n");
        for (Scenario s : scenarios) {
            LoadTest.Generated g = generated.get(s);
            md.append("- **").append(s.change()).append("**  \n");
            if (!g.before().isEmpty()) {
                md.append("  before the change (`Before.java`, applied before the writers start, not measured): ").append(migrations(g.before())).append("  \n");
            }
            md.append("  keel: ").append(migrations(g.change()));
            if (!g.contract().isEmpty()) {
                md.append("  \n  keel's contract (`keel makemigrations --delete-pending`, applied once the old code stopped): ").append(migrations(g.contract()));
            }
            md.append("  \n  naive (").append(s.naiveForm()).append("): ")
                    .append(s.naiveSql().stream().map(q -> "`" + q.replaceAll("\\s+", " ") + "`").collect(Collectors.joining(" ")));
            if (!s.keelArgs().isEmpty()) {
                md.append("  \n  keel ran `keel makemigrations ").append(String.join(" ", s.keelArgs())).append('`');
            }
            if (s.newCode() != null) {
                md.append("  \n  writers: from the end of the deploy (`keel migrate`, before `--post-deploy`; for the naive SQL, the end")
                        .append(" of its transaction) half write as the new entity class does (").append(newCodeDescription(s))
                        .append("), half go on writing as the old code still running does; *failed* counts both");
                if (s.contract()) {
                    md.append("; after the check below, the old code stops (all writers new code) and the contract runs");
                }
            }
            if (s.equalityCheck() != null) {
                md.append("  \n  check after keel's post-deployment phase, on every row: `").append(s.equalityCheck().newColumn())
                        .append("` equals `").append(s.equalityCheck().oldConverted()).append("`, neither NULL");
            }
            md.append('\n');
        }
        List<LoadTest.Result> moved = results.stream().filter(r -> !r.moved().isEmpty()).toList();
        if (!moved.isEmpty()) {
            md.append("\nMoved by `keel migrate` to the post-deployment phase (the table is not listed in `largeTables`):\n\n");
            for (LoadTest.Result r : moved) {
                md.append("- ").append(r.scenario().change()).append(": ")
                        .append(r.moved().stream().map(m -> "`" + m + "`").collect(Collectors.joining("; "))).append('\n');
            }
        }
        List<LoadTest.Result> withErrors = results.stream().filter(r -> !r.errors().isEmpty() || !r.applyNote().isEmpty()).toList();
        if (!withErrors.isEmpty()) {
            md.append("\nFailures:\n\n");
            for (LoadTest.Result r : withErrors) {
                md.append("- ").append(r.scenario().change()).append(", ").append(r.tool().label).append(": ");
                if (!r.applyNote().isEmpty()) {
                    md.append("migration: ").append(cell(r.applyNote())).append(r.errors().isEmpty() ? "" : "; ");
                }
                md.append(r.errors().entrySet().stream().map(e -> e.getValue() + " × `" + e.getKey() + "`")
                        .collect(Collectors.joining("; "))).append('\n');
            }
        }
        return md.toString();
    }

    /** The table of the changes the old and the new code write differently: each side's writes, the equality check, the contract. */
    private static String oldAndNewCode(List<LoadTest.Result> results, long lockTimeoutNanos) {
        List<LoadTest.Result> dual = results.stream().filter(r -> r.scenario().newCode() != null).toList();
        if (dual.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nOld and new code writing during the change: the writes from the migration's start to the end of the"
                + " run by each (the new code starts at the end of the deploy), the rows compared after keel's post-deployment"
                + " phase (the backfill) while both still write, and keel's contract (`makemigrations --delete-pending`),"
                + " applied once the old code stopped:\n\n");
        md.append("| change | applied by | old code: writes, failed | new code: writes, failed | every row equal after the backfill | contract: time, writes during, longest write | goal |\n");
        md.append("|---|---|---:|---:|---|---|---|\n");
        for (LoadTest.Result r : dual) {
            boolean keel = r.tool() == LoadTest.Tool.KEEL;
            md.append("| ").append(r.scenario().change())
                    .append(" | ").append(r.tool().label)
                    .append(" | ").append(writesAndFailed(r.oldCodeSince()))
                    .append(" | ").append(writesAndFailed(r.newCodeSince()))
                    .append(" | ").append(r.equality() == null ? (r.scenario().equalityCheck() == null ? "—" : "— (one column)")
                            : (r.equality().allEqual() ? "yes: " : "**no**: ") + cell(r.equality().describe()))
                    .append(" | ").append(r.contract() == null ? "—" : contractCell(r.contract()))
                    .append(" | ").append(keel ? (r.meetsGoal(lockTimeoutNanos) ? "met" : "**not met**") : "—")
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String writesAndFailed(WriteStats w) {
        return String.format("%,d, %s", w.writes(), w.failed() == 0 ? "0" : "**" + String.format("%,d", w.failed()) + "**");
    }

    private static String contractCell(LoadTest.Contract c) {
        return (c.applied() ? "" : "**failed**: " + cell(c.note()) + "; ") + WriteStats.millis(c.nanos()) + ", "
                + String.format("%,d", c.during().writes()) + ", " + WriteStats.millis(c.during().maxNanos());
    }

    private static String newCodeDescription(Scenario s) {
        List<String> parts = new java.util.ArrayList<>();
        if (s.newTable() != null) {
            parts.add("table `" + s.newTable() + "` for `ticket`");
        }
        s.newCodeColumns().forEach((from, to) -> parts.add("column `" + to + "` for `" + from + "`, in inserts and updates"));
        s.newCodeBigint().forEach(c -> parts.add("`" + c + "` bound as a Java `long`"));
        return String.join(", ", parts);
    }

    private static String migrations(List<String> names) {
        return names.stream().map(g -> "`" + g.replaceAll("\\s+", " ") + "`").collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
