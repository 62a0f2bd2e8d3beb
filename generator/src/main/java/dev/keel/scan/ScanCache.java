package dev.keel.scan;

import dev.keel.concurrent.Parallel;

import dev.keel.cache.ContentHash;
import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.project.ModelKey;
import dev.keel.project.ProjectState;

import java.io.IOException;
import java.nio.file.Files;
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
        return key(projectDir, EntityScanner.sourceFiles(projectDir, config), cache.salt());
    }

    /** {@link EntityScanner#scanWithHints(Path, KeelConfig)}, through {@code cache}. */
    public static EntityScanner.Scan scanWithHints(Path projectDir, KeelConfig config, ProjectCache cache) {
        List<Path> files = EntityScanner.sourceFiles(projectDir, config);
        if (!cache.enabled()) {
            return EntityScanner.scanWithHints(files, config);
        }
        String key = key(projectDir, files, cache.salt());
        return cache.read(NAME, key, Stored.class).map(Stored::scan).orElseGet(() -> {
            EntityScanner.Scan scan = EntityScanner.scanWithHints(files, config);
            cache.write(NAME, key, Stored.of(scan));
            return scan;
        });
    }

    /** The hash of the files' paths (relative to the project) and contents; an unreadable file makes it unique. */
    static String key(Path projectDir, List<Path> files, String salt) {
        List<String> hashes = Parallel.map(files, f -> {
            try {
                return ContentHash.of(Files.readAllBytes(f));
            } catch (IOException e) {
                return "unreadable " + System.nanoTime();
            }
        });
        var key = ContentHash.start(salt);
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
