package dev.keel.scan.internal;

import dev.keel.config.AppConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the entities of every app (classes annotated {@code @Entity} under the app's package and not
 * under its migrations package) and works out their hierarchies and inheritance strategies.
 */
public final class EntityCatalog {
    private final Map<String, EntityInfo> entities;

    private EntityCatalog(Map<String, EntityInfo> entities) {
        this.entities = entities;
    }

    /** Every entity of the configured apps, parents before children, sorted by name within a level. */
    public static EntityCatalog build(ScanContext ctx) {
        var found = new LinkedHashMap<String, AppConfig>();
        var names = new java.util.HashMap<String, String>();
        for (TypeInfo type : ctx.index().types()) {
            String before = MappingRecorder.enter(type.fqn());
            try {
                Optional<AnnotationView> entity = ctx.annotation(type, JpaNames.ENTITY);
                if (entity.isEmpty()) {
                    continue;
                }
                Optional<AppConfig> app = appOf(ctx, type);
                if (app.isEmpty()) {
                    continue;
                }
                found.put(type.fqn(), app.get());
                // read while the class's tree is at hand: the passes below need no tree (see SourceTrees)
                names.put(type.fqn(), entity.get().string("name", ""));
                ctx.superclass(type);
            } finally {
                MappingRecorder.leave(before);
            }
        }
        var result = new LinkedHashMap<String, EntityInfo>();
        var parents = new java.util.HashSet<String>();
        var depths = new java.util.HashMap<String, Integer>();
        for (String fqn : found.keySet()) {
            String before = MappingRecorder.enter(fqn);
            try {
                TypeInfo type = ctx.index().type(fqn).orElseThrow();
                nearestEntitySuper(ctx, type, found).ifPresent(p -> parents.add(p.fqn()));
                depths.put(fqn, depth(ctx, fqn, found));
            } finally {
                MappingRecorder.leave(before);
            }
        }
        Map<String, Integer> binding = bindingOrder(ctx, found);
        List<String> pending = new ArrayList<>(found.keySet());
        pending.sort(java.util.Comparator.comparingInt((String f) -> depths.get(f)).thenComparing(f -> f));
        for (String fqn : pending) {
            TypeInfo type = ctx.index().type(fqn).orElseThrow();
            String before = MappingRecorder.enter(fqn);
            EntityInfo parent;
            boolean hasChildren = parents.contains(fqn);
            EntityInfo.Strategy strategy;
            try {
                parent = parentEntity(ctx, type, result);
                strategy = parent != null ? parent.strategy() : rootStrategy(ctx, type, hasChildren);
            } finally {
                MappingRecorder.leave(before);
            }
            String entityName = names.get(fqn).isEmpty() ? type.simpleName() : names.get(fqn);
            result.put(fqn, new EntityInfo(type, found.get(fqn), entityName, parent, strategy, hasChildren,
                    binding.get(fqn)));
        }
        return new EntityCatalog(result);
    }

    /**
     * The catalog {@code old} recorded, for the same sources but the file of entity {@code changed}: every entry as
     * recorded, {@code changed}'s read again from its tree (its entity name; its app, superclasses and
     * {@code @Inheritance} must leave it alone in its hierarchy, as recorded). Empty when they do not.
     */
    static Optional<EntityCatalog> restored(ScanContext ctx, EntityRemap.MapRecord old, String changed) {
        var result = new LinkedHashMap<String, EntityInfo>();
        for (EntityRemap.MapRecord.Entry x : old.entities()) {
            Optional<TypeInfo> type = ctx.index().type(x.subject);
            Optional<AppConfig> app = ctx.config().app(x.app);
            EntityInfo parent = x.parent.isEmpty() ? null : result.get(x.parent);
            if (type.isEmpty() || app.isEmpty() || !x.parent.isEmpty() && parent == null) {
                return Optional.empty();
            }
            String name = x.entityName;
            if (x.subject.equals(changed)) {
                String before = MappingRecorder.enter(changed);
                try {
                    Optional<AnnotationView> entity = ctx.annotation(type.get(), JpaNames.ENTITY);
                    if (entity.isEmpty() || !appOf(ctx, type.get()).map(AppConfig::label).equals(Optional.of(x.app))
                            || rootStrategy(ctx, type.get(), false) != EntityInfo.Strategy.NONE) {
                        return Optional.empty();
                    }
                    var seen = new java.util.HashSet<TypeInfo>();
                    for (Optional<TypeInfo> s = ctx.superclass(type.get()); s.isPresent(); s = ctx.superclass(s.get())) {
                        EntityRemap.MapRecord.Entry above = old.entries.get(s.get().fqn());
                        if (above != null && above.entity || !seen.add(s.get()) || s.get() == type.get()) {
                            return Optional.empty();
                        }
                    }
                    String written = entity.get().string("name", "");
                    name = written.isEmpty() ? type.get().simpleName() : written;
                } finally {
                    MappingRecorder.leave(before);
                }
            }
            result.put(x.subject, new EntityInfo(type.get(), app.get(), name, parent, EntityInfo.Strategy.valueOf(x.strategy),
                    x.hasChildren, x.binding));
        }
        return Optional.of(new EntityCatalog(result));
    }

    /**
     * The order in which Hibernate binds the entities: the order it is given the classes (by class name, as
     * Spring Boot's scan lists them), each entity's entity superclasses moved before it. Where several
     * mappings define one column, the first bound wins.
     */
    private static Map<String, Integer> bindingOrder(ScanContext ctx, Map<String, AppConfig> found) {
        var order = new java.util.LinkedHashMap<String, Integer>();
        for (String fqn : new java.util.TreeSet<>(found.keySet())) {
            String before = MappingRecorder.enter(fqn);
            var chain = new ArrayList<String>();
            for (Optional<TypeInfo> t = ctx.index().type(fqn); t.isPresent(); t = nearestEntitySuper(ctx, t.get(), found)) {
                if (chain.contains(t.get().fqn())) {
                    break; // a cycle in malformed sources
                }
                chain.add(0, t.get().fqn());
            }
            MappingRecorder.leave(before);
            chain.forEach(c -> order.putIfAbsent(c, order.size()));
        }
        return order;
    }

    private static Optional<AppConfig> appOf(ScanContext ctx, TypeInfo type) {
        return ctx.config().apps().stream()
                .filter(a -> type.inPackage(a.packageName()) && !type.inPackage(a.migrationsPackage()))
                .max(java.util.Comparator.comparingInt(a -> a.packageName().length()));
    }

    private static int depth(ScanContext ctx, String fqn, Map<String, AppConfig> found) {
        int d = 0;
        Optional<TypeInfo> t = ctx.index().type(fqn);
        while (t.isPresent() && (t = nearestEntitySuper(ctx, t.get(), found)).isPresent()) {
            d++;
        }
        return d;
    }

    private static Optional<TypeInfo> nearestEntitySuper(ScanContext ctx, TypeInfo type, Map<String, AppConfig> found) {
        for (Optional<TypeInfo> s = ctx.superclass(type); s.isPresent(); s = ctx.superclass(s.get())) {
            if (found.containsKey(s.get().fqn())) {
                return s;
            }
        }
        return Optional.empty();
    }

    private static EntityInfo parentEntity(ScanContext ctx, TypeInfo type, Map<String, EntityInfo> known) {
        for (Optional<TypeInfo> s = ctx.superclass(type); s.isPresent(); s = ctx.superclass(s.get())) {
            EntityInfo e = known.get(s.get().fqn());
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static EntityInfo.Strategy rootStrategy(ScanContext ctx, TypeInfo type, boolean hasChildren) {
        Optional<AnnotationView> inheritance = ctx.annotation(type, JpaNames.INHERITANCE);
        if (inheritance.isEmpty()) {
            return hasChildren ? EntityInfo.Strategy.SINGLE_TABLE : EntityInfo.Strategy.NONE;
        }
        return EntityInfo.Strategy.valueOf(inheritance.get().enumName("strategy", "SINGLE_TABLE"));
    }

    /** Every entity, parents before children. */
    public Collection<EntityInfo> all() {
        return entities.values();
    }

    /** The entity class with this name, if it belongs to an app. */
    public Optional<EntityInfo> entity(String fqn) {
        return Optional.ofNullable(entities.get(fqn));
    }
}
