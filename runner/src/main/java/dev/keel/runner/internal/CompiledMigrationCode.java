package dev.keel.runner.internal;

import dev.keel.config.KeelConfig;
import dev.keel.config.KeelFolder;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.load.MigrationCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's migration classes compiled in-process from their sources into {@code .keel/classes},
 * the first time a {@code RunJava} method is run or its code hashed (and only then).
 */
public final class CompiledMigrationCode extends MigrationClassCode {
    /** Where the compiled classes go, under {@code .keel/}. */
    static final String CLASSES = "classes";

    private final KeelConfig config;
    private final Path projectDir;
    private ClassLoader loader;
    private Path output;

    /** The code of the migrations of {@code config}'s apps in {@code projectDir}, compiled on first use. */
    public CompiledMigrationCode(KeelConfig config, Path projectDir) {
        this.config = config;
        this.projectDir = projectDir;
    }

    @Override
    protected String migrationsPackage(String app) {
        return config.requireApp(app).migrationsPackage();
    }

    /** The class file as compiled from the sources (read from the output folder, never from keel's own class path). */
    @Override
    public Optional<byte[]> classFile(String internalName) {
        loader();
        Path file = output.resolve(internalName + ".class");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new KeelException(ErrorKind.UNREADABLE_SOURCE, file + ": cannot read the compiled migration: " + e
                    + "\nTo fix: check that " + KeelFolder.NAME + " is readable.", e);
        }
    }

    @Override
    protected synchronized ClassLoader loader() {
        if (loader == null) {
            try {
                output = KeelFolder.create(projectDir, CLASSES);
            } catch (IOException e) {
                throw new KeelException(ErrorKind.UNREADABLE_SOURCE, projectDir.resolve(KeelFolder.NAME) + ": cannot create"
                        + " the folder for compiled migrations: " + e + "\nTo fix: check that the project folder is writable.", e);
            }
            loader = MigrationCompiler.compileProject(config, projectDir, output);
        }
        return loader;
    }
}
