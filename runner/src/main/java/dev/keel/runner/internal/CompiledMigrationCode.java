package dev.keel.runner.internal;

import dev.keel.cache.ContentHash;
import dev.keel.cache.ProjectCache;
import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.config.KeelFolder;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.load.MigrationCompiler;
import dev.keel.migration.MigrationSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The project's migration classes compiled in-process from their sources into {@code .keel/classes},
 * the first time a {@code RunJava} method is run or its code hashed (and only then). The code texts of
 * {@code RunJava} methods are kept in the project's cache ({@code .keel/cache/runjava-code.json}) for as
 * long as every file of the migrations folders and the Java runtime are the same, so that a command on
 * unchanged migrations compiles nothing.
 */
public final class CompiledMigrationCode extends MigrationClassCode {
    /** Where the compiled classes go, under {@code .keel/}. */
    static final String CLASSES = "classes";
    /** The cache document of code texts. */
    static final String CODE_TEXTS = "runjava-code";

    private final KeelConfig config;
    private final Path projectDir;
    private ClassLoader loader;
    private Path output;
    private String cacheKey;
    private Map<String, String> texts;

    /** The code texts, by class and methods, computed from the migrations folders whose files hash to the document's key. */
    record CodeTexts(Map<String, String> texts) {}

    /** The code of the migrations of {@code config}'s apps in {@code projectDir}, compiled on first use. */
    public CompiledMigrationCode(KeelConfig config, Path projectDir) {
        this.config = config;
        this.projectDir = projectDir;
    }

    @Override
    protected String migrationsPackage(String app) {
        return config.requireApp(app).migrationsPackage();
    }

    /** The code text from the cache when the migrations folders are as when it was computed; else compiled, and cached. */
    @Override
    public synchronized String codeText(MigrationSpec migration, List<String> methods) {
        ProjectCache cache = ProjectCache.of(projectDir, config, CompiledMigrationCode.class);
        if (texts == null) {
            cacheKey = ContentHash.start(cache.salt()).add(Runtime.version().toString()).add(folders()).hash();
            texts = new TreeMap<>(cache.read(CODE_TEXTS, cacheKey, CodeTexts.class).map(CodeTexts::texts).orElse(Map.of()));
        }
        String entry = className(migration) + " " + String.join(",", methods);
        String text = texts.get(entry);
        if (text == null) {
            text = super.codeText(migration, methods);
            texts.put(entry, text);
            cache.write(CODE_TEXTS, cacheKey, new CodeTexts(Map.copyOf(texts)));
        }
        return text;
    }

    /** Every file of every app's migrations folder, by path and content: what the compiled code depends on. */
    private String folders() {
        var hash = ContentHash.start("migrations folders");
        for (AppConfig app : config.apps()) {
            Path folder = config.migrationsDir(projectDir, app);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = new ArrayList<>(list.filter(f -> f.toString().endsWith(".java")).sorted().toList());
                for (Path f : files) {
                    hash.add(projectDir.relativize(f).toString().replace('\\', '/')).add(ContentHash.of(Files.readAllBytes(f)));
                }
            } catch (IOException e) {
                hash.add("unreadable " + folder + " " + System.nanoTime()); // never matches: compile
            }
        }
        return hash.hash();
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
