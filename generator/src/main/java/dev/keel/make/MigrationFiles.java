package dev.keel.make;

import dev.keel.config.KeelConfig;
import dev.keel.emit.Lockfile;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.load.SourceMigrationReader;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes new migration files (makemigrations, squashmigrations) and the lockfile that names each app's latest. */
public final class MigrationFiles {
    private MigrationFiles() {}

    /**
     * Checks that every file reads back to what was meant, then writes the files and updates the
     * lockfile ({@code leaves}: the latest migration of each app); nothing is written when any check fails.
     */
    public static void write(KeelConfig config, Path projectDir, List<NewMigration> created, Map<String, MigrationKey> leaves) {
        writeFiles(created);
        Lockfile lockfile = Lockfile.read(projectDir);
        for (var leaf : leaves.entrySet()) {
            if (config.app(leaf.getKey()).isPresent()) {
                lockfile = lockfile.with(leaf.getKey(), leaf.getValue().name());
            }
        }
        lockfile.write(projectDir);
    }

    /**
     * Checks that every file reads back to what was meant, then writes them (a migration rewritten under
     * another name: its old file is deleted); nothing is written when any check fails. The lockfile is
     * left as it is.
     */
    public static void writeFiles(List<NewMigration> created) {
        try {
            Path scratch = Files.createTempDirectory("keel-check");
            try {
                for (NewMigration m : created) {
                    Path copy = scratch.resolve(m.file().getFileName());
                    Files.writeString(copy, m.source());
                    MigrationSpec back = new SourceMigrationReader().read(copy, m.spec().app());
                    if (!back.sameDefinition(m.spec())) {
                        throw new IllegalStateException("keel bug: " + m.file().getFileName()
                                + " would not read back to what was meant:\n" + m.spec() + "\n" + back);
                    }
                    Files.delete(copy);
                }
            } finally {
                for (NewMigration m : created) {
                    Files.deleteIfExists(scratch.resolve(m.file().getFileName()));
                }
                Files.deleteIfExists(scratch);
            }
            for (NewMigration m : created) {
                if (m.renames() && Files.exists(m.file())) {
                    throw new KeelException(ErrorKind.USAGE, m.file() + ": a file of that name exists already, so "
                            + m.previousFile().getFileName() + " cannot take its name.\nTo fix: choose other words for --name.");
                }
            }
            for (NewMigration m : created) {
                Files.createDirectories(m.file().getParent());
                Files.writeString(m.file(), m.source());
                if (m.renames()) {
                    Files.deleteIfExists(m.previousFile());
                }
            }
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, "cannot write a migration file: " + e.getMessage(), e);
        }
    }

}
