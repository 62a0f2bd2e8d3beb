package dev.keel.scan.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.ast.type.WildcardType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves type names as javac does, from what the sources say. A simple name is looked up, in this
 * order, among: the type variables of the class (and of its enclosing classes), which shadow every type;
 * the member types of the class and of its enclosing classes, inherited member types included (those of
 * superclasses and superinterfaces, transitively); single-type and single-static imports; the types of the
 * same package; on-demand imports (of a package, or of a type's member types); {@code java.lang}. A
 * qualified name is resolved from its first part, and each further part is a member type, possibly
 * inherited. Library types imported on demand are recognised from {@link KnownTypes}.
 *
 * <p>Also the supertypes of a scanned class, as written ({@code extends Base<Long>}), and the chain of its
 * scanned superclasses with the types their type variables stand for ({@link #hierarchy}).
 */
public final class TypeNames {
    /** A class's direct supertypes as its declaration writes them: the superclass (null if none) and interfaces. */
    private record Supers(TypeRef superclass, List<TypeRef> interfaces) {
        static final Supers NONE = new Supers(null, List.of());

        List<TypeRef> all() {
            var all = new ArrayList<TypeRef>();
            if (superclass != null) {
                all.add(superclass);
            }
            all.addAll(interfaces);
            return all;
        }
    }

    /**
     * A class of a superclass chain with what its type variables stand for there:
     * {@code BaseEntity} with {@code T = java.lang.Long} when {@code Product extends BaseEntity<Long>}.
     */
    public record Level(TypeInfo type, Map<String, TypeRef> bindings) {
        public Level {
            bindings = Map.copyOf(bindings);
        }
    }

    private final SourceIndex index;
    private final ClassPath classPath;
    private final Map<String, Supers> supers = new ConcurrentHashMap<>();
    private final ThreadLocal<Set<String>> resolvingSupers = ThreadLocal.withInitial(HashSet::new);

    public TypeNames(SourceIndex index) {
        this(index, ClassPath.EMPTY);
    }

    /** Names resolved against the sources first, then against {@code classPath}. */
    public TypeNames(SourceIndex index, ClassPath classPath) {
        this.index = index;
        this.classPath = classPath;
    }

    /** The class path names the sources do not declare are looked up in. */
    public ClassPath classPath() {
        return classPath;
    }

    /** The source index the names are resolved against. */
    public SourceIndex index() {
        return index;
    }

    /** The canonical name of {@code name} as written inside {@code context}, if it can be told (never a type variable). */
    public Optional<String> resolve(String name, TypeInfo context) {
        if (!resolvingSupers.get().isEmpty()) {
            return resolve(name, context, true); // inside the reading of a class's supertypes: not kept (a cycle answers differently)
        }
        Map<String, Optional<String>> known = resolved.computeIfAbsent(context, k -> new ConcurrentHashMap<>());
        Optional<String> answer = known.get(name);
        if (answer == null) {
            var frame = MappingRecorder.begin();
            try {
                answer = resolve(name, context, true);
            } finally {
                var reads = MappingRecorder.end(frame, context.file());
                if (reads != null) {
                    resolvedReads.computeIfAbsent(context, k -> new ConcurrentHashMap<>()).put(name, reads);
                }
            }
            known.putIfAbsent(name, answer);
        } else {
            MappingRecorder.tree(context);
            Map<String, Set<java.nio.file.Path>> reads = resolvedReads.get(context);
            if (reads != null) {
                MappingRecorder.replay(reads.get(name));
            }
        }
        return answer;
    }

    /**
     * The answers of {@link #resolve(String, TypeInfo)} by class and name: every rule resolves the names of every
     * annotation and type it reads, and the answer follows from the sources alone (one {@code TypeInfo} per class and scan).
     */
    private final Map<TypeInfo, Map<String, Optional<String>>> resolved = new ConcurrentHashMap<>();
    /** The files read to answer a {@link #resolve} beyond the context's own (for {@link MappingRecorder}). */
    private final Map<TypeInfo, Map<String, Set<java.nio.file.Path>>> resolvedReads = new ConcurrentHashMap<>();
    /** The files read to answer a {@link #supers} beyond the class's own (for {@link MappingRecorder}). */
    private final Map<String, Set<java.nio.file.Path>> supersReads = new ConcurrentHashMap<>();

    /**
     * Resolves {@code name} in {@code context}; with {@code ownMembers} false, in the scope of the class's
     * header ({@code extends}/{@code implements}), where its own member types are not visible yet.
     */
    private Optional<String> resolve(String name, TypeInfo context, boolean ownMembers) {
        if (name.indexOf('.') > 0) {
            return qualified(name, context, ownMembers);
        }
        if (isTypeVariable(name, context)) {
            return Optional.empty();
        }
        for (TypeInfo t = ownMembers ? context : outer(context); t != null; t = outer(t)) {
            if (t.simpleName().equals(name)) {
                return Optional.of(t.fqn());
            }
            Optional<String> member = memberType(t, name);
            if (member.isPresent()) {
                return member;
            }
        }
        CompilationUnit unit = context.unit();
        for (ImportDeclaration imp : unit.getImports()) {
            if (imp.isAsterisk() || !imp.getName().getIdentifier().equals(name)) {
                continue;
            }
            if (!imp.isStatic()) {
                return Optional.of(canonical(imp.getNameAsString()));
            }
            String owner = imp.getName().getQualifier().map(Name::asString).orElse("");
            Optional<TypeInfo> ownerType = index.type(canonical(owner));
            if (ownerType.isEmpty()) {
                if (classPath.type(owner).isPresent() && classPath.memberType(owner, name).isEmpty()) {
                    continue; // a static import of a library type's field or method, not of a type
                }
                return Optional.of(classPath.memberType(owner, name).orElse(imp.getNameAsString()));
            }
            Optional<String> member = memberType(ownerType.get(), name);
            if (member.isPresent()) {
                return member;
            }
        }
        String samePackage = context.pkg().isEmpty() ? name : context.pkg() + "." + name;
        if (index.type(samePackage).isPresent()) {
            return Optional.of(samePackage);
        }
        if (!classPath.isEmpty() && classPath.type(samePackage).isPresent()) {
            return Optional.of(samePackage); // the same package in another module or jar
        }
        for (ImportDeclaration imp : unit.getImports()) {
            if (!imp.isAsterisk()) {
                continue;
            }
            String target = imp.getNameAsString();
            if (!imp.isStatic()) {
                String candidate = target + "." + name;
                if (index.type(candidate).isPresent() || KnownTypes.exists(target, name)
                        || !classPath.isEmpty() && classPath.type(candidate).isPresent()) {
                    return Optional.of(candidate);
                }
            }
            Optional<TypeInfo> owner = index.type(canonical(target));
            if (owner.isPresent()) {
                Optional<String> member = memberType(owner.get(), name);
                if (member.isPresent()) {
                    return member;
                }
            } else if (!classPath.isEmpty()) {
                Optional<String> member = classPath.memberType(target, name);
                if (member.isPresent()) {
                    return member;
                }
            }
        }
        if (KnownTypes.exists("java.lang", name)) {
            return Optional.of("java.lang." + name);
        }
        return Optional.empty();
    }

    /**
     * The canonical name of an annotation type as a class's declaration names it, from the imports and
     * the package only (annotation types are not the class's member types): what Lombok's annotations
     * are looked up with, before the member types Lombok adds can be known.
     */
    Optional<String> resolveImported(String name, TypeInfo context) {
        if (name.indexOf('.') > 0) {
            return Optional.of(name);
        }
        for (ImportDeclaration imp : context.unit().getImports()) {
            if (!imp.isStatic() && !imp.isAsterisk() && imp.getName().getIdentifier().equals(name)) {
                return Optional.of(imp.getNameAsString());
            }
        }
        for (ImportDeclaration imp : context.unit().getImports()) {
            if (!imp.isStatic() && imp.isAsterisk() && KnownTypes.exists(imp.getNameAsString(), name)) {
                return Optional.of(imp.getNameAsString() + "." + name);
            }
        }
        return Optional.empty();
    }

    /** {@code Outer.Inner} (from a type in scope) or {@code com.acme.Outer.Inner} (from a package). */
    private Optional<String> qualified(String name, TypeInfo context, boolean ownMembers) {
        int dot = name.indexOf('.');
        String head = name.substring(0, dot);
        if (Character.isUpperCase(head.charAt(0))) {
            Optional<String> outer = resolve(head, context, ownMembers);
            if (outer.isPresent()) {
                return Optional.of(members(outer.get(), name.substring(dot + 1).split("\\.")));
            }
        }
        return Optional.of(canonical(name));
    }

    /**
     * The canonical name of a fully qualified name: {@code com.acme.Sub.Inner} is {@code com.acme.Base.Inner}
     * when {@code Inner} is declared by {@code Sub}'s superclass {@code Base}. A name that names no scanned
     * type stays as written.
     */
    public String canonical(String qualified) {
        if (qualified.isEmpty() || index.type(qualified).isPresent()) {
            return qualified;
        }
        String[] parts = qualified.split("\\.");
        for (int i = parts.length - 1; i > 0; i--) {
            String prefix = String.join(".", java.util.Arrays.copyOfRange(parts, 0, i));
            if (index.type(prefix).isPresent()) {
                return members(prefix, java.util.Arrays.copyOfRange(parts, i, parts.length));
            }
        }
        return qualified;
    }

    /** {@code owner} followed by member types, each looked up among inherited members too. */
    private String members(String owner, String[] names) {
        String current = owner;
        for (String n : names) {
            Optional<TypeInfo> t = index.type(current);
            current = t.flatMap(x -> memberType(x, n)).orElse(current + "." + n);
        }
        return current;
    }

    /** The member type {@code name} that {@code type} declares or inherits from a scanned supertype. */
    public Optional<String> memberType(TypeInfo type, String name) {
        return memberType(type, name, new HashSet<>());
    }

    private Optional<String> memberType(TypeInfo type, String name, Set<String> seen) {
        if (!seen.add(type.fqn())) {
            return Optional.empty();
        }
        for (BodyDeclaration<?> member : type.decl().getMembers()) {
            if (member instanceof TypeDeclaration<?> nested && nested.getNameAsString().equals(name)) {
                return Optional.of(type.fqn() + "." + name);
            }
        }
        if (Lombok.fieldNamesType(type, this).filter(name::equals).isPresent()) {
            return Optional.of(type.fqn() + "." + name);
        }
        for (TypeInfo s : supertypes(type)) {
            Optional<String> inherited = memberType(s, name, seen);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        for (String library : librarySupertypes(type)) {
            Optional<String> inherited = classPath.memberType(library, name);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    /** The direct supertypes of a scanned class that the sources do not declare, by name (none without a class path). */
    public List<String> librarySupertypes(TypeInfo type) {
        if (classPath.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<String>();
        for (TypeRef ref : supers(type).all()) {
            if (ref.resolved() && index.type(ref.name()).isEmpty()) {
                result.add(ref.name());
            }
        }
        return result;
    }

    /** The scanned direct supertypes of a class: its superclass first, then its interfaces. */
    public List<TypeInfo> supertypes(TypeInfo type) {
        var result = new ArrayList<TypeInfo>();
        for (TypeRef ref : supers(type).all()) {
            index.type(ref.name()).ifPresent(result::add);
        }
        return result;
    }

    /** The superclass of a class as written ({@code Base<java.lang.Long>}), if it extends one. */
    public Optional<TypeRef> superclassRef(TypeInfo type) {
        return Optional.ofNullable(supers(type).superclass());
    }

    /**
     * The superclass at the top of a class's scanned chain when keel cannot see it: declared neither in the sources
     * nor on the class path (nor a type keel models itself), so that the fields it may map are unknown, or an
     * {@code @Entity} of the class path, whose table and inheritance are its module's mapping. Empty when the chain
     * ends with a class keel sees, or with none.
     */
    public Optional<TypeRef> unseenSuperclass(TypeInfo type) {
        List<Level> chain = hierarchy(type, List.of());
        TypeInfo top = chain.get(chain.size() - 1).type();
        Optional<TypeRef> sup = superclassRef(top);
        if (sup.isEmpty() || index.type(sup.get().name()).isPresent()) {
            return Optional.empty();
        }
        String name = sup.get().name();
        if (sup.get().resolved() && (ClassPath.modeledByKeel(name)
                || classPath.type(name).filter(t -> !t.annotated(JpaNames.ENTITY)).isPresent())) {
            return Optional.empty();
        }
        return sup;
    }

    /** The class of {@link #unseenSuperclass}'s chain that extends the unseen superclass. */
    public TypeInfo chainTop(TypeInfo type) {
        List<Level> chain = hierarchy(type, List.of());
        return chain.get(chain.size() - 1).type();
    }

    /** The scanned superclass of a class, if it extends one declared in the sources. */
    public Optional<TypeInfo> superclass(TypeInfo type) {
        return superclassRef(type).flatMap(r -> index.type(r.name()));
    }

    private Supers supers(TypeInfo type) {
        Supers known = supers.get(type.fqn());
        if (known != null) {
            MappingRecorder.tree(type);
            MappingRecorder.replay(supersReads.get(type.fqn()));
            return known;
        }
        Set<String> inProgress = resolvingSupers.get();
        if (!inProgress.add(type.fqn())) {
            return Supers.NONE; // a cycle in malformed sources: javac would refuse them
        }
        try {
            var frame = MappingRecorder.begin();
            Supers found;
            try {
                found = readSupers(type);
            } finally {
                var reads = MappingRecorder.end(frame, type.file());
                if (reads != null) {
                    supersReads.put(type.fqn(), reads);
                }
            }
            supers.putIfAbsent(type.fqn(), found);
            return found;
        } finally {
            inProgress.remove(type.fqn());
        }
    }

    private Supers readSupers(TypeInfo type) {
        NodeList<ClassOrInterfaceType> extended = new NodeList<>();
        NodeList<ClassOrInterfaceType> implemented = new NodeList<>();
        boolean isInterface = false;
        if (type.decl() instanceof ClassOrInterfaceDeclaration c) {
            extended = c.getExtendedTypes();
            implemented = c.getImplementedTypes();
            isInterface = c.isInterface();
        } else if (type.decl() instanceof EnumDeclaration e) {
            implemented = e.getImplementedTypes();
        } else if (type.decl() instanceof RecordDeclaration r) {
            implemented = r.getImplementedTypes();
        }
        TypeRef superclass = null;
        var interfaces = new ArrayList<TypeRef>();
        for (ClassOrInterfaceType t : extended) {
            TypeRef ref = typeRef(t, type, false);
            if (isInterface) {
                interfaces.add(ref);
            } else if (superclass == null) {
                superclass = ref;
            }
        }
        for (ClassOrInterfaceType t : implemented) {
            interfaces.add(typeRef(t, type, false));
        }
        return new Supers(superclass, interfaces);
    }

    /** The type variables a class declares, in order. */
    public List<String> typeParameters(TypeInfo type) {
        NodeList<TypeParameter> params = type.decl() instanceof ClassOrInterfaceDeclaration c ? c.getTypeParameters()
                : type.decl() instanceof RecordDeclaration r ? r.getTypeParameters() : new NodeList<>();
        return params.stream().map(TypeParameter::getNameAsString).toList();
    }

    /** Whether {@code name} is a type variable of {@code context} or of a class enclosing it. */
    private boolean isTypeVariable(String name, TypeInfo context) {
        for (TypeInfo t = context; t != null; t = outer(t)) {
            if (typeParameters(t).contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The class and its scanned superclasses, from the class up, each with what its type variables stand
     * for: the class's own with {@code args} (none: they stay unbound), a superclass's with the type
     * arguments its subclass gives in {@code extends}, themselves bound through the chain.
     */
    public List<Level> hierarchy(TypeInfo type, List<TypeRef> args) {
        var result = new ArrayList<Level>();
        var seen = new HashSet<String>();
        TypeInfo current = type;
        Map<String, TypeRef> bindings = bind(type, args);
        while (current != null && seen.add(current.fqn())) {
            result.add(new Level(current, bindings));
            Optional<TypeRef> sup = superclassRef(current);
            Optional<TypeInfo> next = sup.flatMap(s -> index.type(s.name()));
            if (next.isEmpty()) {
                break;
            }
            Map<String, TypeRef> outerBindings = bindings;
            bindings = bind(next.get(), sup.get().args().stream().map(a -> a.substitute(outerBindings)).toList());
            current = next.get();
        }
        return result;
    }

    /** What the type variables of {@code generic} stand for with these arguments (none for a raw use). */
    private Map<String, TypeRef> bind(TypeInfo generic, List<TypeRef> args) {
        List<String> params = typeParameters(generic);
        var result = new LinkedHashMap<String, TypeRef>();
        if (params.size() == args.size()) {
            for (int i = 0; i < params.size(); i++) {
                result.put(params.get(i), args.get(i));
            }
        }
        return result;
    }

    private TypeInfo outer(TypeInfo t) {
        return t.outerFqn() == null ? null : index.type(t.outerFqn()).orElse(null);
    }

    /** The declared type of a field, resolved in {@code context} (a type variable stays unresolved, by its name). */
    public TypeRef typeRef(Type type, TypeInfo context) {
        return typeRef(type, context, true);
    }

    private TypeRef typeRef(Type type, TypeInfo context, boolean ownMembers) {
        if (type instanceof ArrayType array) {
            TypeRef inner = typeRef(array.getComponentType(), context, ownMembers);
            return new TypeRef(inner.name(), inner.args(), inner.arrayDepth() + 1, inner.resolved());
        }
        if (type instanceof PrimitiveType primitive) {
            return TypeRef.of(primitive.asString());
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard.getExtendedType().map(t -> typeRef(t, context, ownMembers)).orElse(TypeRef.of("java.lang.Object"));
        }
        if (type instanceof ClassOrInterfaceType cls) {
            String written = cls.getNameWithScope();
            List<TypeRef> args = new ArrayList<>();
            cls.getTypeArguments().ifPresent(list -> list.forEach(a -> args.add(typeRef(a, context, ownMembers))));
            Optional<String> fqn = resolve(written, context, ownMembers);
            return new TypeRef(fqn.orElse(written), args, 0, fqn.isPresent());
        }
        return new TypeRef(type.asString(), List.of(), 0, false);
    }
}
