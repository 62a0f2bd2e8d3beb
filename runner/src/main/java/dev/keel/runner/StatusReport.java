package dev.keel.runner;

import java.util.List;

/**
 * Every migration with its status, in the order {@code migrate} applies them, followed by those
 * recorded as applied whose file is missing; and the problems with the history (changed files,
 * missing files), each a message with "To fix: ...".
 */
public record StatusReport(List<MigrationStatus> migrations, List<String> problems) {
    public StatusReport {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
    }
}
