package dev.keel.scan.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which entities get their tables and keys: an entity after its parent and after the
 * entities its key is derived from ({@code @MapsId} and {@code @Id} relations), otherwise in catalog
 * order. A cycle of derived keys is reported, as Hibernate cannot map it either.
 */
final class KeyOrder {
    private KeyOrder() {}

    /** The entities in key order; those on a cycle are reported and left out. */
    static List<EntityInfo> of(Collection<EntityInfo> entities, DerivedIdentity derived, Problems problems) {
        var done = new LinkedHashSet<EntityInfo>();
        var failed = new HashSet<EntityInfo>();
        for (EntityInfo e : entities) {
            visit(e, derived, problems, done, new LinkedHashSet<>(), failed);
        }
        return new ArrayList<>(done);
    }

    private static boolean visit(EntityInfo e, DerivedIdentity derived, Problems problems, Set<EntityInfo> done,
                                 LinkedHashSet<EntityInfo> path, Set<EntityInfo> failed) {
        if (done.contains(e)) {
            return true;
        }
        if (failed.contains(e)) {
            return false;
        }
        if (!path.add(e)) {
            var cycle = new ArrayList<String>();
            boolean on = false;
            for (EntityInfo p : path) {
                on |= p == e;
                if (on) {
                    cycle.add(p.entityName());
                }
            }
            cycle.add(e.entityName());
            problems.add(e.type().file(), e.type().decl(), "the keys of " + String.join(" -> ", cycle)
                    + " are derived from each other", "derive the key of one of them from no other entity");
            failed.add(e);
            return false;
        }
        var sources = new ArrayList<EntityInfo>();
        if (e.parent() != null) {
            sources.add(e.parent());
        }
        String before = MappingRecorder.enter(e.type().fqn());
        try {
            sources.addAll(derived.keySources(e));
        } finally {
            MappingRecorder.leave(before);
        }
        boolean ok = true;
        for (EntityInfo s : sources) {
            if (s != e) {
                ok &= visit(s, derived, problems, done, path, failed);
            }
        }
        path.remove(e);
        if (ok) {
            done.add(e);
        } else {
            failed.add(e);
        }
        return ok;
    }
}
