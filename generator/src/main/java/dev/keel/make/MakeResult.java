package dev.keel.make;

import java.util.List;

/**
 * What {@code makemigrations} did or found.
 *
 * @param migrations the migrations written (or that would be written)
 * @param notes      things the user should know (likely renames and the hint to add)
 * @param problems   for {@code --check}: why the check fails (missing migration, stale lockfile, forks)
 * @param overlaps   for {@code --merge}: tables and columns both branches change
 */
public record MakeResult(List<NewMigration> migrations, List<String> notes, List<String> problems, List<String> overlaps) {
    public MakeResult {
        migrations = List.copyOf(migrations);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
        overlaps = List.copyOf(overlaps);
    }
}
