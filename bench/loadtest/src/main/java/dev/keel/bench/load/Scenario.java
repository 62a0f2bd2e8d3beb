package dev.keel.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One change of the load test: the entity after the change ({@code Ticket.java}, replacing the base
 * one) and the SQL a plain diff tool would run for it ({@code naive.sql}, whose header comments
 * {@code -- change:} and {@code -- naive:} describe both). An optional {@code -- reader-ms: N} holds a
 * transaction that has read {@code ticket} open for N ms from just before the migration starts, as a
 * slow report or a forgotten session does: the migration's lock waits behind it, and the writes
 * queue behind the migration. An optional {@code -- keel-args: ...} adds options to {@code keel makemigrations}
 * ({@code --allow-unsafe rename}). An optional {@code -- new-table: NAME} says the change renames {@code ticket}:
 * from the end of the migration (the deploy: the new code starts), half the writers write {@code NAME} as the
 * new code does, while the other half go on writing {@code ticket}, as the old code still running does.
 * {@code -- large-tables: none} leaves {@code ticket} out of keel.json's
 * {@code largeTables} for this change (makemigrations then writes its index builds as deploy-time migrations,
 * and {@code keel migrate} judges the table by its size), and {@code -- large-table-rows: N} sets
 * {@code database.largeTableRows}, {@code -- statement-timeout: 100ms} {@code database.statementTimeout}.
 *
 * <p>A change that the old and the new code see differently (a renamed column, a column of another type)
 * says so with {@code -- new-code-column: OLD NEW} (the new entity's column NEW is the old entity's OLD) and
 * {@code -- new-code-bigint: COLUMN} (the new entity binds COLUMN as a {@code long}): from the end of the
 * deploy, half the writers write as the new entity class does (see {@link WriteLoad.Code}). Both kinds of
 * code then also write the renamed columns in their updates, so each side's updates reach the other's column.
 * {@code -- backfilled-column: EXPR} and {@code -- equals: EXPR} name what must hold on every row of the table
 * after keel's post-deployment phase (the backfill and the switch): the new column, and the old column
 * converted to the new one's type ({@code amount} and {@code amount_keel_old::bigint}); the run counts the
 * rows where either is NULL or they differ. {@code -- contract: delete-pending} adds the contract: once
 * the check has run, the old code stops (its writers write as the new code), and keel applies what
 * {@code keel makemigrations --delete-pending} writes, under the same load. An optional {@code Before.java}
 * is the entity before the change when it is not the base one (an index the change must carry along): its
 * migrations are applied to the table of a million rows before the writers start, and are not measured.
 */
record Scenario(String name, String change, String naiveForm, long readerMillis, Path entity, List<String> naiveSql,
                List<String> keelArgs, String newTable, boolean ticketListedLarge, Long largeTableRows,
                String statementTimeout, Map<String, String> newCodeColumns, Set<String> newCodeBigint,
                EqualityCheck equalityCheck, boolean contract, Path before) {

    /** What must hold on every row after the backfill: {@code newColumn} equals {@code oldConverted}. */
    record EqualityCheck(String newColumn, String oldConverted) {
    }

    /** The code deployed before the change: the base entity's table and columns. */
    WriteLoad.Code oldCode() {
        return new WriteLoad.Code("ticket", Map.of(), Set.of(), newCodeColumns.keySet(), false);
    }

    /** The code of the changed entity, or null when the change does not touch what the writers write. */
    WriteLoad.Code newCode() {
        if (newTable == null && newCodeColumns.isEmpty() && newCodeBigint.isEmpty()) {
            return null;
        }
        return new WriteLoad.Code(newTable == null ? "ticket" : newTable, newCodeColumns, newCodeBigint, newCodeColumns.keySet(), true);
    }

    /** The table the new code writes (where the equality check runs). */
    String newCodeTable() {
        return newTable == null ? "ticket" : newTable;
    }

    static List<Scenario> loadAll(Path scenariosDir, List<String> only) throws IOException {
        List<Scenario> all = new ArrayList<>();
        for (String line : Files.readAllLines(scenariosDir.resolve("order.txt"))) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#") || (!only.isEmpty() && !only.contains(name))) {
                continue;
            }
            all.add(load(scenariosDir.resolve(name)));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no scenario selected: " + only + " (see " + scenariosDir.resolve("order.txt") + ")");
        }
        return all;
    }

    static Scenario load(Path dir) throws IOException {
        String change = null;
        String naive = null;
        long reader = 0;
        List<String> keelArgs = List.of();
        String newTable = null;
        boolean listed = true;
        Long largeTableRows = null;
        String statementTimeout = null;
        Map<String, String> newCodeColumns = new LinkedHashMap<>();
        Set<String> newCodeBigint = new LinkedHashSet<>();
        String backfilled = null;
        String equals = null;
        boolean contract = false;
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dir.resolve("naive.sql"))) {
            if (line.startsWith("-- change:")) {
                change = line.substring("-- change:".length()).strip();
            } else if (line.startsWith("-- naive:")) {
                naive = line.substring("-- naive:".length()).strip();
            } else if (line.startsWith("-- keel-args:")) {
                keelArgs = List.of(line.substring("-- keel-args:".length()).strip().split("\\s+"));
            } else if (line.startsWith("-- new-table:")) {
                newTable = line.substring("-- new-table:".length()).strip();
            } else if (line.startsWith("-- reader-ms:")) {
                reader = Long.parseLong(line.substring("-- reader-ms:".length()).strip());
            } else if (line.startsWith("-- large-tables:")) {
                listed = !line.substring("-- large-tables:".length()).strip().equals("none");
            } else if (line.startsWith("-- large-table-rows:")) {
                largeTableRows = Long.parseLong(line.substring("-- large-table-rows:".length()).strip());
            } else if (line.startsWith("-- statement-timeout:")) {
                statementTimeout = line.substring("-- statement-timeout:".length()).strip();
            } else if (line.startsWith("-- new-code-column:")) {
                String[] names = line.substring("-- new-code-column:".length()).strip().split("\\s+");
                if (names.length != 2) {
                    throw new IllegalArgumentException(dir.resolve("naive.sql") + ": '-- new-code-column: OLD NEW' names two columns: " + line);
                }
                newCodeColumns.put(names[0], names[1]);
            } else if (line.startsWith("-- new-code-bigint:")) {
                newCodeBigint.add(line.substring("-- new-code-bigint:".length()).strip());
            } else if (line.startsWith("-- backfilled-column:")) {
                backfilled = line.substring("-- backfilled-column:".length()).strip();
            } else if (line.startsWith("-- equals:")) {
                equals = line.substring("-- equals:".length()).strip();
            } else if (line.startsWith("-- contract:")) {
                String what = line.substring("-- contract:".length()).strip();
                if (!what.equals("delete-pending")) {
                    throw new IllegalArgumentException(dir.resolve("naive.sql") + ": the only contract is '-- contract: delete-pending', not " + what);
                }
                contract = true;
            } else if (!line.isBlank() && !line.startsWith("--")) {
                current.append(current.length() == 0 ? "" : "\n").append(line);
                if (line.strip().endsWith(";")) {
                    String sql = current.toString().strip();
                    statements.add(sql.substring(0, sql.length() - 1));
                    current.setLength(0);
                }
            }
        }
        if (change == null || naive == null || statements.isEmpty() || current.length() > 0) {
            throw new IllegalArgumentException(dir.resolve("naive.sql") + ": needs '-- change:' and '-- naive:' lines"
                    + " and at least one statement, each ending with ';'");
        }
        if ((backfilled == null) != (equals == null)) {
            throw new IllegalArgumentException(dir.resolve("naive.sql") + ": '-- backfilled-column:' and '-- equals:' go together");
        }
        Path before = dir.resolve("Before.java");
        return new Scenario(dir.getFileName().toString(), change, naive, reader, dir.resolve("Ticket.java"), List.copyOf(statements),
                keelArgs, newTable, listed, largeTableRows, statementTimeout, Map.copyOf(newCodeColumns), Set.copyOf(newCodeBigint),
                backfilled == null ? null : new EqualityCheck(backfilled, equals), contract, Files.exists(before) ? before : null);
    }
}
