package dev.keel.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 */
record Scenario(String name, String change, String naiveForm, long readerMillis, Path entity, List<String> naiveSql,
                List<String> keelArgs, String newTable, boolean ticketListedLarge, Long largeTableRows,
                String statementTimeout) {

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
        return new Scenario(dir.getFileName().toString(), change, naive, reader, dir.resolve("Ticket.java"), List.copyOf(statements),
                keelArgs, newTable, listed, largeTableRows, statementTimeout);
    }
}
