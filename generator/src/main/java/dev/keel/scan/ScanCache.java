package dev.keel.scan;

import dev.keel.concurrent.Parallel;

import dev.keel.cache.ContentHash;
import dev.keel.cache.FileHashes;
import dev.keel.timing.Phases;
import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entity scan kept in the cache under a hash of every source file it read (path and content):
 * unchanged sources, no scan. A scan that finds problems is never stored.
 */
public final class ScanCache {
    /** The cache document. */
    static final String NAME = "entities";

    private ScanCache() {}

    /** A hash of everything the scan of the project reads (each source file's path and content), salted by {@code cache}. */
    public static String fingerprint(Path projectDir, KeelConfig config, ProjectCache cache) {
        long start = System.nanoTime();
        long[] before = cache.fileHashes().tally();
        List<Path> files = EntityScanner.sourceFiles(projectDir, config);
        String key = key(projectDir, files, cache);
        Phases.report("fingerprint entity sources", start, files.size() + " files; " + cache.fileHashes().countsSince(before));
        return key;
    }

    /** {@link EntityScanner#scanWithHints(Path, KeelConfig)}, through {@code cache}. */
    public static EntityScanner.Scan scanWithHints(Path projectDir, KeelConfig config, ProjectCache cache) {
        long start = System.nanoTime();
        List<Path> files = EntityScanner.sourceFiles(projectDir, config);
        if (!cache.enabled()) {
            EntityScanner.Scan scan = EntityScanner.scanWithHints(files, config);
            Phases.report("scan entities", start, files.size() + " files, no cache");
            return scan;
        }
        String key = key(projectDir, files, cache);
        EntityScanner.Scan scan = cache.read(NAME, key, Stored.class).map(Stored::scan).orElse(null);
        if (scan != null) {
            Phases.report("scan entities", start, files.size() + " files, unchanged: from .keel/cache");
            return scan;
        }
        scan = EntityScanner.scanWithHints(files, config);
        cache.write(NAME, key, Stored.of(scan));
        cache.fileHashes().save();
        Phases.report("scan entities", start, files.size() + " files scanned");
        return scan;
    }

    /** The hash of the files' paths (relative to the project) and contents; an unreadable file makes it unique. */
    static String key(Path projectDir, List<Path> files, ProjectCache cache) {
        FileHashes known = cache.fileHashes();
        List<String> hashes = Parallel.map(files, f -> {
            String hash = known.hash(f);
            return hash != null ? hash : "unreadable " + System.nanoTime();
        });
        var key = ContentHash.start(cache.salt());
        for (int i = 0; i < files.size(); i++) {
            key.add(projectDir.relativize(files.get(i)).toString()).add(hashes.get(i));
        }
        return key.hash();
    }

    /** A scan as stored: the state, and the hints as lists (their maps have record keys). */
    record Stored(ProjectState state, List<ModelHint> renamedModels, List<FieldHint> renamedFields,
                  List<FieldHint> initializerDefaults) {
        static Stored of(EntityScanner.Scan scan) {
            DiffHints h = scan.hints();
            return new Stored(scan.state(),
                    h.renamedModels().entrySet().stream().map(e -> new ModelHint(e.getKey(), e.getValue())).toList(),
                    h.renamedFields().entrySet().stream().map(e -> new FieldHint(e.getKey(), e.getValue())).toList(),
                    h.initializerDefaults().entrySet().stream().map(e -> new FieldHint(e.getKey(), e.getValue())).toList());
        }

        EntityScanner.Scan scan() {
            Map<ModelKey, String> models = new HashMap<>();
            renamedModels.forEach(m -> models.put(m.model(), m.value()));
            Map<FieldRef, String> fields = new HashMap<>();
            renamedFields.forEach(f -> fields.put(f.field(), f.value()));
            Map<FieldRef, String> defaults = new HashMap<>();
            initializerDefaults.forEach(f -> defaults.put(f.field(), f.value()));
            return new EntityScanner.Scan(state, new DiffHints(models, fields, defaults));
        }
    }

    /** A hint about a model. */
    record ModelHint(ModelKey model, String value) {}

    /** A hint about a field. */
    record FieldHint(FieldRef field, String value) {}
}
