package dev.keel.make;

import java.util.List;

/**
 * What {@code makemigrations} did or found.
 *
 * @param migrations the migrations written (or that would be written)
 * @param notes      things the user should know (likely renames and the hint to add)
 * @param problems   for {@code --check}: why the check fails (missing migration, stale lockfile, forks)
 * @param overlaps   for {@code --merge}: tables and columns both branches change
 * @param folds      for {@code --update}: the folds the optimizer made (as squashmigrations names them)
 * @param before     the state the migrations on disk build, which the new ones start from (null when the run did not
 *                   compare the entities with it)
 */
public record MakeResult(List<NewMigration> migrations, List<String> notes, List<String> problems, List<String> overlaps,
                         List<String> folds, dev.keel.project.ProjectState before) {
    public MakeResult {
        migrations = List.copyOf(migrations);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
        overlaps = List.copyOf(overlaps);
        folds = List.copyOf(folds);
    }

    public MakeResult(List<NewMigration> migrations, List<String> notes, List<String> problems, List<String> overlaps) {
        this(migrations, notes, problems, overlaps, List.of(), null);
    }

    public MakeResult(List<NewMigration> migrations, List<String> notes, List<String> problems, List<String> overlaps,
                      List<String> folds) {
        this(migrations, notes, problems, overlaps, folds, null);
    }
}
