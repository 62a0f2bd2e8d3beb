package dev.keel.graph;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Small migration specs for graph tests: {@code m("blog.0002_add_slug", "blog.0001_initial")}. */
final class Specs {
    private Specs() {}

    static MigrationKey key(String dotted) {
        int dot = dotted.indexOf('.');
        return new MigrationKey(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    static String origin(MigrationKey k) {
        return "src/main/java/com/acme/" + k.app() + "/migrations/M" + k.name() + ".java";
    }

    /** A migration without operations, depending on {@code deps}. */
    static MigrationSpec m(String key, String... deps) {
        return m(key, List.of(deps));
    }

    /** A migration with operations. */
    static MigrationSpec m(String key, List<String> deps, Operation... ops) {
        MigrationKey k = key(key);
        return new MigrationSpec(k, deps.stream().map(Specs::key).toList(), List.of(ops), true, false, deps.isEmpty(),
                List.of(), origin(k));
    }

    /** A squash that replaces {@code replaced}. */
    static MigrationSpec squash(String key, List<String> deps, String... replaced) {
        MigrationKey k = key(key);
        return new MigrationSpec(k, deps.stream().map(Specs::key).toList(), List.of(), true, false, false,
                Arrays.stream(replaced).map(Specs::key).toList(), origin(k));
    }

    static Set<MigrationKey> keys(String... dotted) {
        return Arrays.stream(dotted).map(Specs::key).collect(Collectors.toSet());
    }

    static List<String> names(List<MigrationSpec> specs) {
        return specs.stream().map(s -> s.key().toString()).toList();
    }

    static List<String> keyNames(List<MigrationKey> keys) {
        return keys.stream().map(MigrationKey::toString).toList();
    }
}
