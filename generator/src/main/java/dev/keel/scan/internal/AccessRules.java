package dev.keel.scan.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which members of a class are its persistent attributes, by JPA's access types as Hibernate 6.6 applies them.
 * <ul>
 *   <li>An entity's default access is the {@code @Access} of the topmost class of its hierarchy (when that
 *       class is an entity or a mapped superclass), else where its {@code @Id} or {@code @EmbeddedId} is
 *       declared: on a getter, PROPERTY; on a field, FIELD.</li>
 *   <li>A class's own {@code @Access} replaces that default for the members it declares.</li>
 *   <li>Under FIELD access the attributes are the fields that are neither {@code static} nor {@code transient};
 *       under PROPERTY access the getters: non-static methods without parameters that return a value and
 *       are named {@code getX} or {@code isX} (whatever they return), the attribute being X with its first
 *       letter in lower case unless its second is in upper case ({@code getURL()} is {@code URL}).</li>
 *   <li>A field marked {@code @Access(FIELD)} and a getter marked {@code @Access(PROPERTY)} are attributes
 *       whatever the class's access, in place of the member of the same name.</li>
 *   <li>{@code @Transient} members are never attributes; the annotations of members that are not
 *       attributes are ignored, as Hibernate ignores them.</li>
 *   <li>An embeddable's members follow its own {@code @Access}, else the embedding attribute's, else (for
 *       {@code @Embedded}) the kind of the embedding member (a getter: PROPERTY; a field: FIELD) or (for the
 *       elements and keys of a collection) the access of the entity's identifier.</li>
 * </ul>
 * Record components are always attributes. An attribute also carries the Bean Validation constraints of
 * its twin member ({@link ConstraintTwins}).
 */
public final class AccessRules {
    /** JPA's access types. */
    public enum Kind { FIELD, PROPERTY }

    private final ScanContext ctx;
    private final Map<String, Kind> entityDefaults = new HashMap<>();
    private final Map<String, List<Attribute>> declared = new HashMap<>();
    /** The files read to fill an entry of the caches above beyond its class's own (for {@link MappingRecorder}). */
    private final Map<String, java.util.Set<java.nio.file.Path>> entityDefaultReads = new HashMap<>();
    private final Map<String, java.util.Set<java.nio.file.Path>> declaredReads = new HashMap<>();

    public AccessRules(ScanContext ctx) {
        this.ctx = ctx;
    }

    /** The access type an {@code @Access} among these annotations states, if one does. */
    public static Optional<Kind> explicit(List<AnnotationView> annotations) {
        return annotations.stream().filter(a -> a.fqn().equals(JpaNames.ACCESS)).findFirst()
                .map(a -> a.enumName("value", "FIELD").equals("PROPERTY") ? Kind.PROPERTY : Kind.FIELD);
    }

    /**
     * The access type of the place an attribute is declared in, which an embeddable it embeds follows:
     * its own {@code @Access}, else PROPERTY for a getter and FIELD for a field.
     */
    public static Kind memberAccess(Attribute a) {
        return explicit(a.annotations()).orElse(a.node() instanceof MethodDeclaration ? Kind.PROPERTY : Kind.FIELD);
    }

    /** The default access type of an entity (or a mapped superclass), as its hierarchy decides it. */
    public Kind entityDefault(TypeInfo entity) {
        Kind known = entityDefaults.get(entity.fqn());
        if (known != null) {
            MappingRecorder.tree(entity);
            MappingRecorder.replay(entityDefaultReads.get(entity.fqn()));
            return known;
        }
        var frame = MappingRecorder.begin();
        try {
            known = computeDefault(entity);
        } finally {
            var reads = MappingRecorder.end(frame, entity.file());
            if (reads != null) {
                entityDefaultReads.put(entity.fqn(), reads);
            }
        }
        entityDefaults.put(entity.fqn(), known);
        return known;
    }

    private Kind computeDefault(TypeInfo entity) {
        for (Optional<TypeInfo> t = Optional.of(entity); t.isPresent(); t = ctx.superclass(t.get())) {
            if (isTopmost(t.get()) && isMapped(t.get())) {
                Optional<Kind> declared = explicit(ctx.annotations(t.get()));
                if (declared.isPresent()) {
                    return declared.get();
                }
            }
        }
        for (Optional<TypeInfo> t = Optional.of(entity); t.isPresent(); t = ctx.superclass(t.get())) {
            if (!isMapped(t.get())) {
                continue;
            }
            for (Member getter : getters(t.get())) {
                if (isIdentifier(getter.annotations())) {
                    return Kind.PROPERTY;
                }
            }
            for (Member field : fields(t.get())) {
                if (isIdentifier(field.annotations())) {
                    return Kind.FIELD;
                }
            }
        }
        return Kind.FIELD;
    }

    /** The access type of an entity's identifier, which the elements and keys of its collections follow. */
    public Kind identifierAccess(EntityInfo entity) {
        for (Attribute a : attributesOf(entity.root())) {
            if (a.has(JpaNames.ID) || a.has(JpaNames.EMBEDDED_ID)) {
                return memberAccess(a);
            }
        }
        return entityDefault(entity.type());
    }

    private List<Attribute> attributesOf(EntityInfo entity) {
        var result = new ArrayList<Attribute>();
        Kind dflt = entityDefault(entity.type());
        for (Optional<TypeInfo> t = Optional.of(entity.type()); t.isPresent(); t = ctx.superclass(t.get())) {
            if (isMapped(t.get())) {
                result.addAll(declared(t.get(), dflt));
            }
        }
        return result;
    }

    /**
     * The persistent attributes {@code type} declares when {@code dflt} is the access type of its place
     * (its own {@code @Access} wins), in source order.
     */
    public List<Attribute> declared(TypeInfo type, Kind dflt) {
        Kind level = explicit(ctx.annotations(type)).orElse(dflt);
        String key = level + " " + type.fqn();
        List<Attribute> known = declared.get(key);
        if (known != null) {
            MappingRecorder.tree(type);
            MappingRecorder.replay(declaredReads.get(key));
            return known;
        }
        var frame = MappingRecorder.begin();
        try {
            known = collect(type, level);
        } finally {
            var reads = MappingRecorder.end(frame, type.file());
            if (reads != null) {
                declaredReads.put(key, reads);
            }
        }
        declared.put(key, known);
        return known;
    }

    private List<Attribute> collect(TypeInfo type, Kind level) {
        var byName = new LinkedHashMap<String, Member>();
        if (type.decl() instanceof RecordDeclaration record) {
            for (Parameter p : record.getParameters()) {
                var anns = AnnotationView.on(p, type, ctx.values());
                if (!isTransient(anns)) {
                    byName.put(p.getNameAsString(), new Member(p.getNameAsString(), p, p.getType(), anns));
                }
            }
        }
        List<Member> fields = fields(type).stream().filter(m -> !isTransient(m.annotations())).toList();
        List<Member> getters = getters(type).stream().filter(m -> !isTransient(m.annotations())).toList();
        var fromGetters = new HashMap<String, Member>();
        for (Member f : fields) {
            if (explicit(f.annotations()).orElse(null) == Kind.FIELD) {
                byName.put(f.name(), f);
            }
        }
        for (Member g : getters) {
            if (explicit(g.annotations()).orElse(null) == Kind.PROPERTY && unambiguous(type, fromGetters, g)) {
                byName.put(g.name(), g);
                fromGetters.put(g.name(), g);
            }
        }
        if (level == Kind.FIELD) {
            fields.forEach(f -> byName.putIfAbsent(f.name(), f));
        } else {
            for (Member g : getters) {
                if (unambiguous(type, fromGetters, g) && !byName.containsKey(g.name())) {
                    byName.put(g.name(), g);
                    fromGetters.put(g.name(), g);
                }
            }
        }
        var result = new ArrayList<Attribute>();
        byName.values().stream().sorted(Comparator.comparing(m -> m.node().getBegin().map(p -> p.line * 10_000L + p.column).orElse(0L)))
                .forEach(m -> result.add(new Attribute(m.name(), ctx.names().typeRef(m.type(), type),
                        ConstraintTwins.merged(ctx, type, m.node(), m.name(), m.annotations()), type, m.node())));
        return List.copyOf(result);
    }

    /** Whether no other getter gives the same property ({@code isX} and {@code getX}); reports it otherwise, as Hibernate refuses it. */
    private boolean unambiguous(TypeInfo type, Map<String, Member> fromGetters, Member g) {
        Member previous = fromGetters.get(g.name());
        if (previous == null || previous == g) {
            return true;
        }
        ctx.problems().add(type.file(), g.node(), "methods " + ((MethodDeclaration) previous.node()).getNameAsString()
                + "() and " + ((MethodDeclaration) g.node()).getNameAsString() + "() of " + type.simpleName()
                + " are both getters of property " + g.name() + ", which Hibernate refuses",
                "rename one of them, or mark one @Transient");
        return false;
    }

    /** A field or getter that may be an attribute. */
    private record Member(String name, Node node, com.github.javaparser.ast.type.Type type, List<AnnotationView> annotations) {}

    /** The fields Hibernate considers: neither static nor {@code transient}. */
    private List<Member> fields(TypeInfo type) {
        var result = new ArrayList<Member>();
        for (BodyDeclaration<?> member : type.decl().getMembers()) {
            if (member instanceof FieldDeclaration field && !field.isStatic() && !field.isTransient()) {
                var anns = AnnotationView.on(field, type, ctx.values());
                for (VariableDeclarator v : field.getVariables()) {
                    result.add(new Member(v.getNameAsString(), field, v.getType(), anns));
                }
            }
        }
        return result;
    }

    /** The getters Hibernate considers: {@code getX()} or {@code isX()}, not static, returning a value. */
    private List<Member> getters(TypeInfo type) {
        var result = new ArrayList<Member>();
        for (BodyDeclaration<?> member : type.decl().getMembers()) {
            if (member instanceof MethodDeclaration m && !m.isStatic() && m.getParameters().isEmpty() && !m.getType().isVoidType()) {
                propertyName(m.getNameAsString()).ifPresent(name ->
                        result.add(new Member(name, m, m.getType(), AnnotationView.on(m, type, ctx.values()))));
            }
        }
        return result;
    }

    /**
     * The property a getter's name gives: the rest after {@code get} or {@code is}, its first letter in
     * lower case unless the second letter is in upper case; empty for a name that is neither.
     */
    static Optional<String> propertyName(String method) {
        String rest = method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : null;
        if (rest == null || rest.isEmpty()) {
            return Optional.empty();
        }
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
            return Optional.of(rest);
        }
        return Optional.of(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
    }

    private boolean isMapped(TypeInfo t) {
        return ctx.annotation(t, JpaNames.ENTITY).isPresent() || ctx.annotation(t, JpaNames.MAPPED_SUPERCLASS).isPresent();
    }

    private static boolean isTopmost(TypeInfo t) {
        return !(t.decl() instanceof ClassOrInterfaceDeclaration c) || c.getExtendedTypes().isEmpty();
    }

    private static boolean isIdentifier(List<AnnotationView> annotations) {
        return annotations.stream().anyMatch(a -> a.fqn().equals(JpaNames.ID) || a.fqn().equals(JpaNames.EMBEDDED_ID));
    }

    /** {@code @Transient}, or Hibernate's {@code @Parent} (an embeddable's reference to its owner, which maps no column). */
    private static boolean isTransient(List<AnnotationView> annotations) {
        return annotations.stream().anyMatch(a -> a.fqn().equals(JpaNames.TRANSIENT) || a.fqn().equals(JpaNames.HIB + "Parent"));
    }
}
