package dev.keel.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's {@code .keel/} folder: keel's local files (the embedded PostgreSQL, the cache in {@code cache/}, compiled
 * migrations), never committed; it holds a {@code .gitignore} that says so to git.
 */
public final class KeelFolder {
    /** The folder's name, relative to the project folder. */
    public static final String NAME = ".keel";
    static final String GITIGNORE = "# keel's local files: the embedded PostgreSQL, compiled migrations, the cache.\n*\n";

    private KeelFolder() {}

    /** Creates {@code .keel/SUBFOLDER} (and {@code .keel/.gitignore}) and returns it. */
    public static Path create(Path projectDir, String subfolder) throws IOException {
        Path root = projectDir.resolve(NAME);
        Path dir = Files.createDirectories(root.resolve(subfolder));
        Path ignore = root.resolve(".gitignore");
        if (!Files.exists(ignore)) {
            Files.writeString(ignore, GITIGNORE);
        }
        return dir;
    }
}
