package dev.keel.make;

import dev.keel.cache.ContentHash;
import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.emit.Lockfile;
import dev.keel.load.ProjectMigrations;
import dev.keel.timing.Phases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code makemigrations --check} runs that passed, remembered in the project's cache under a hash of
 * everything such a check reads: the migration files, the entity sources, the lockfile and the options (and,
 * through the cache's salt, keel's build and the configuration). A check of unchanged files passes again
 * from that record, without reading a migration or an entity: the check a pre-commit hook runs on every
 * commit costs the hashing of the files. A check that fails is never remembered.
 */
final class PassedChecks {
    /** The cache document. */
    static final String NAME = "check";

    /** What a passed check said besides passing. */
    record Passed(List<String> notes) {}

    private final ProjectCache cache;
    private final String key;

    private PassedChecks(ProjectCache cache, String key) {
        this.cache = cache;
        this.key = key;
    }

    /**
     * The record of this check, or empty when it is not remembered: no cache, not a plain check (renames or
     * unsafe changes allowed on the command line), or an entity source that cannot fingerprint what it reads.
     */
    static Optional<PassedChecks> of(ProjectCache cache, EntitySource entities, KeelConfig config, Path projectDir,
                                     MakeOptions options) {
        if (!cache.enabled() || !options.check() || options.empty() || options.merge()
                || !options.renames().equals(DiffHints.NONE) || !options.safety().allowed().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> scanned = entities.fingerprint(config, projectDir);
        if (scanned.isEmpty()) {
            return Optional.empty();
        }
        String lockfile;
        try {
            Path file = projectDir.resolve(Lockfile.FILE_NAME);
            lockfile = Files.exists(file) ? ContentHash.of(Files.readAllBytes(file)) : "no lockfile";
        } catch (IOException e) {
            return Optional.empty();
        }
        String key = ContentHash.start(cache.salt()).add(NAME).add(String.join(",", options.apps()))
                .add(String.valueOf(options.deletePending())).add(ProjectMigrations.fingerprint(config, projectDir, cache))
                .add(scanned.get()).add(lockfile).hash();
        return Optional.of(new PassedChecks(cache, key));
    }

    /** The result of the same check when it passed before. */
    Optional<MakeResult> passedBefore() {
        long start = System.nanoTime();
        Optional<MakeResult> passed = cache.read(NAME, key, Passed.class)
                .map(p -> new MakeResult(List.of(), p.notes(), List.of(), List.of()));
        Phases.report("earlier check", start, passed.isPresent() ? "the same files passed before: done"
                : "files changed since the last check that passed");
        return passed;
    }

    /** Remembers {@code result} if the check passed. */
    void remember(MakeResult result) {
        if (result.problems().isEmpty() && result.migrations().isEmpty()) {
            cache.write(NAME, key, new Passed(result.notes()));
        }
    }
}
