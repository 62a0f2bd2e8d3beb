package dev.keel.scan.internal;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import dev.keel.diff.DiffHints;
import dev.keel.diff.FieldRef;
import dev.keel.project.ModelKey;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the entities say beyond the schema, for the differ: {@code @RenamedFrom} on classes and fields,
 * and constant field initializers ({@code boolean active = true;}), which keel can turn into the
 * database default of a NOT NULL column added to a table with rows; a numeric {@code @Version} has 0, the
 * value Hibernate gives a new row.
 */
public final class HintCollector {
    static final String RENAMED_FROM = "dev.keel.annotations.RenamedFrom";

    private final ScanContext ctx;
    private final Map<ModelKey, String> models = new HashMap<>();
    private final Map<FieldRef, String> fields = new HashMap<>();
    private final Map<FieldRef, String> initializers = new HashMap<>();

    public HintCollector(ScanContext ctx) {
        this.ctx = ctx;
    }

    /** Records the entity's own hints (a class-level {@code @RenamedFrom}). */
    void entity(EntityInfo e) {
        AnnotationView.on(e.type().decl(), e.type(), ctx.values()).stream()
                .filter(a -> a.fqn().equals(RENAMED_FROM))
                .findFirst()
                .ifPresent(a -> models.put(new ModelKey(e.app().label(), e.model()), a.string("value", e.entityName())));
    }

    /** Records the hints of an attribute mapped into the table of {@code model}. */
    void attribute(String app, String model, Attribute a) {
        var ref = new FieldRef(app, model, a.name());
        a.ann(RENAMED_FROM).ifPresent(r -> fields.put(ref, r.string("value", a.name())));
        initializer(a).flatMap(init -> sqlLiteral(init, a)).or(() -> versionSeed(a))
                .ifPresent(sql -> initializers.put(ref, sql));
    }

    private static final java.util.Set<String> NUMERIC_VERSIONS = java.util.Set.of(
            "int", "long", "short", "java.lang.Integer", "java.lang.Long", "java.lang.Short");

    /**
     * A numeric {@code @Version} without an initializer starts at 0: Hibernate writes 0 into a new row's version.
     * Rows that were there before the field are as if just inserted, so 0 is their value too (and the
     * default the old code's inserts get during the deploy); a later update makes it 1.
     */
    private static Optional<String> versionSeed(Attribute a) {
        return a.has(JpaNames.VERSION) && a.type().arrayDepth() == 0 && NUMERIC_VERSIONS.contains(a.type().name()) ? Optional.of("0") : Optional.empty();
    }

    private static Optional<Expression> initializer(Attribute a) {
        if (!(a.node() instanceof FieldDeclaration field)) {
            return Optional.empty();
        }
        return field.getVariables().stream().filter(v -> v.getNameAsString().equals(a.name()))
                .findFirst().flatMap(VariableDeclarator::getInitializer);
    }

    /** The initializer as an SQL literal, when it is a constant keel can write; empty otherwise. */
    private Optional<String> sqlLiteral(Expression init, Attribute a) {
        Object value;
        try {
            value = ctx.values().eval(init, a.owner());
        } catch (Values.Unresolved | IllegalArgumentException | UnsupportedOperationException e) {
            return Optional.empty(); // not a constant: new ArrayList<>(), Instant.now(), ...
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Optional.of(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            return Optional.of(value.toString());
        }
        if (value instanceof String || value instanceof Character) {
            return Optional.of("'" + value.toString().replace("'", "''") + "'");
        }
        if (value instanceof Values.EnumConst c) {
            boolean asString = a.ann(JpaNames.ENUMERATED).map(e -> e.enumName("value", "ORDINAL").equals("STRING")).orElse(false);
            return asString ? Optional.of("'" + c.name() + "'") : Optional.empty();
        }
        return Optional.empty();
    }

    /** The hints collected. */
    public DiffHints hints() {
        return new DiffHints(models, fields, initializers);
    }
}
