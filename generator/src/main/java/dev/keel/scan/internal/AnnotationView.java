package dev.keel.scan.internal;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An annotation as written in a source, with its name resolved and its members evaluated on demand.
 * A member that is not written yields the given default.
 */
public final class AnnotationView {
    private final String fqn;
    private final AnnotationExpr node;
    private final TypeInfo context;
    private final Values values;
    private final Map<String, Expression> members;

    private AnnotationView(String fqn, AnnotationExpr node, TypeInfo context, Values values, Map<String, Expression> members) {
        this.fqn = fqn;
        this.node = node;
        this.context = context;
        this.values = values;
        this.members = members;
    }

    private AnnotationView(String fqn, AnnotationExpr node, TypeInfo context, Values values) {
        this.fqn = fqn;
        this.node = node;
        this.context = context;
        this.values = values;
        this.members = new LinkedHashMap<>();
        if (node instanceof SingleMemberAnnotationExpr s) {
            members.put("value", s.getMemberValue());
        } else if (node instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                members.put(p.getNameAsString(), p.getValue());
            }
        }
    }

    /** The view of an annotation written inside {@code context}. */
    public static AnnotationView of(AnnotationExpr node, TypeInfo context, Values values) {
        String written = node.getNameAsString();
        String fqn = values.names().resolve(written, context).orElse(written);
        return new AnnotationView(fqn, node, context, values);
    }

    /**
     * Every annotation on a declaration; the container of a repeatable annotation ({@code @SecondaryTables({...})}) as
     * the annotations it holds, as if each were written on its own ({@link #CONTAINERS}).
     */
    public static List<AnnotationView> on(NodeWithAnnotations<?> declaration, TypeInfo context, Values values) {
        var result = new ArrayList<AnnotationView>();
        for (AnnotationExpr a : declaration.getAnnotations()) {
            AnnotationView view = of(a, context, values);
            String element = CONTAINERS.get(view.fqn());
            List<AnnotationView> held = element == null ? null : held(view, element);
            if (held != null) {
                result.addAll(held);
            } else {
                result.add(view);
            }
        }
        return result;
    }

    /**
     * Containers of repeatable annotations whose only member that changes the schema is the list they hold, by the
     * annotation they hold. Not here: {@code @JoinColumns} and {@code @MapKeyJoinColumns} (one composite key, read as
     * such), {@code @AttributeOverrides} (a directly written override hides the container's), {@code @Converts}
     * (each {@code @Convert} names the part it converts).
     */
    static final Map<String, String> CONTAINERS = Map.of(
            JpaNames.JPA + "SecondaryTables", JpaNames.JPA + "SecondaryTable",
            JpaNames.JPA + "SequenceGenerators", JpaNames.JPA + "SequenceGenerator",
            JpaNames.JPA + "TableGenerators", JpaNames.JPA + "TableGenerator",
            JpaNames.JPA + "PrimaryKeyJoinColumns", JpaNames.JPA + "PrimaryKeyJoinColumn",
            JpaNames.HIB + "GenericGenerators", JpaNames.HIB + "GenericGenerator",
            JpaNames.HIB + "Checks", JpaNames.HIB + "Check");

    /** The annotations a container holds, each read as {@code element}; null when its list cannot be read. */
    private static List<AnnotationView> held(AnnotationView container, String element) {
        try {
            return container.annotations("value").stream().filter(v -> v.fqn().equals(element) || !v.fqn().contains("."))
                    .map(v -> v.as(element)).toList();
        } catch (SourceTrees.StaleSummary stale) {
            throw stale;
        } catch (RuntimeException unreadable) {
            return null; // read as written: the container, which nothing maps (as before containers were read)
        }
    }

    /** The simple name of the container that may hold an annotation of simple name {@code simple}, or null. */
    static String containerOf(String simple) {
        for (var e : CONTAINERS.entrySet()) {
            if (e.getValue().endsWith("." + simple)) {
                return e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            }
        }
        return null;
    }

    /**
     * This annotation read as an annotation of another type with the same members: {@code @MapKeyEnumerated}
     * says for a map's key what {@code @Enumerated} says for a value.
     */
    public AnnotationView as(String otherFqn) {
        return new AnnotationView(otherFqn, node, context, values, members);
    }

    /** This annotation without one of its members (as if it were not written). */
    public AnnotationView without(String member) {
        var rest = new LinkedHashMap<>(members);
        rest.remove(member);
        return new AnnotationView(fqn, node, context, values, rest);
    }

    /** The canonical name of the annotation type (the name as written when it cannot be resolved). */
    public String fqn() {
        return fqn;
    }

    /** The annotation in the source. */
    public AnnotationExpr node() {
        return node;
    }

    /** Whether a member is written. */
    public boolean has(String member) {
        return members.containsKey(member);
    }

    /** The evaluated member, or empty when it is not written. */
    public Optional<Object> value(String member) {
        Expression e = members.get(member);
        return e == null ? Optional.empty() : Optional.of(values.eval(e, context));
    }

    /** A string member. */
    public String string(String member, String dflt) {
        return value(member).map(v -> expect(v, String.class, member)).orElse(dflt);
    }

    /** An integer member. */
    public long integer(String member, long dflt) {
        return value(member).map(v -> expect(v, Long.class, member)).orElse(dflt);
    }

    /** A boolean member. */
    public boolean bool(String member, boolean dflt) {
        return value(member).map(v -> expect(v, Boolean.class, member)).orElse(dflt);
    }

    /** The name of an enum member ({@code STRING} for {@code EnumType.STRING}). */
    public String enumName(String member, String dflt) {
        return value(member).map(v -> expect(v, Values.EnumConst.class, member).name()).orElse(dflt);
    }

    /** A class member's canonical name, or null. */
    public String classRef(String member) {
        return value(member).map(v -> expect(v, Values.ClassRef.class, member).fqn()).orElse(null);
    }

    /** A string-array member ({@code {"a", "b"}} or a single string). */
    public List<String> strings(String member) {
        return value(member).map(Values::list).orElse(List.of()).stream().map(v -> expect(v, String.class, member)).toList();
    }

    /**
     * The classes of a class-array member ({@code {A.class, B.class}} or {@code A.class}) as canonical names,
     * or as written when they cannot be resolved; empty when the member is not written.
     */
    public List<String> classNames(String member) {
        Expression e = members.get(member);
        if (e == null) {
            return List.of();
        }
        List<Expression> items = e instanceof ArrayInitializerExpr array ? array.getValues() : List.of(e);
        return items.stream().map(item -> item instanceof ClassExpr c ? values.names().typeRef(c.getType(), context).name()
                : item.toString()).toList();
    }

    /** An annotation-array member. */
    public List<AnnotationView> annotations(String member) {
        return value(member).map(Values::list).orElse(List.of()).stream()
                .map(v -> expect(v, AnnotationView.class, member)).toList();
    }

    /** A nested annotation member, or empty. */
    public Optional<AnnotationView> annotation(String member) {
        return value(member).map(v -> expect(v, AnnotationView.class, member));
    }

    private <T> T expect(Object v, Class<T> type, String member) {
        if (!type.isInstance(v)) {
            String missing = values.missingOwner(v);
            if (missing == null && v instanceof Values.EnumConst e) {
                throw new Values.Unresolved(members.get(member), "@" + node.getNameAsString() + "(" + member + " = "
                        + members.get(member) + ") names " + e.type() + "." + e.name() + ", a constant keel cannot read the"
                        + " value of");
            }
            throw new Values.Unresolved(members.get(member), "@" + node.getNameAsString() + "(" + member + " = "
                    + members.get(member) + ") is not a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + (missing == null ? "" : ": " + missing), missing == null ? null : Values.MISSING_FIX);
        }
        return type.cast(v);
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
