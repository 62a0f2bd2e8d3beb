package dev.keel.scan.internal;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves type names as a compiler would, from what the sources say: nested types, single-type
 * imports, the same package, on-demand imports and {@code java.lang}. Library types imported on demand
 * are recognised from {@link KnownTypes}.
 */
public final class TypeNames {
    private final SourceIndex index;

    public TypeNames(SourceIndex index) {
        this.index = index;
    }

    /** The source index the names are resolved against. */
    public SourceIndex index() {
        return index;
    }

    /** The canonical name of {@code name} as written inside {@code context}, if it can be told. */
    public Optional<String> resolve(String name, TypeInfo context) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            String head = name.substring(0, dot);
            if (Character.isUpperCase(head.charAt(0))) {
                Optional<String> outer = resolve(head, context);
                if (outer.isPresent()) {
                    return Optional.of(outer.get() + name.substring(dot));
                }
            }
            return Optional.of(name);
        }
        for (TypeInfo t = context; t != null; t = t.outerFqn() == null ? null : index.type(t.outerFqn()).orElse(null)) {
            if (t.simpleName().equals(name)) {
                return Optional.of(t.fqn());
            }
            for (BodyDeclaration<?> member : t.decl().getMembers()) {
                if (member instanceof TypeDeclaration<?> nested && nested.getNameAsString().equals(name)) {
                    return Optional.of(t.fqn() + "." + name);
                }
            }
        }
        for (ImportDeclaration imp : context.unit().getImports()) {
            if (!imp.isStatic() && !imp.isAsterisk() && imp.getName().getIdentifier().equals(name)) {
                return Optional.of(imp.getNameAsString());
            }
        }
        String samePackage = context.pkg().isEmpty() ? name : context.pkg() + "." + name;
        if (index.type(samePackage).isPresent()) {
            return Optional.of(samePackage);
        }
        for (ImportDeclaration imp : context.unit().getImports()) {
            if (!imp.isStatic() && imp.isAsterisk()) {
                String candidate = imp.getNameAsString() + "." + name;
                if (index.type(candidate).isPresent() || KnownTypes.exists(imp.getNameAsString(), name)) {
                    return Optional.of(candidate);
                }
            }
        }
        if (KnownTypes.exists("java.lang", name)) {
            return Optional.of("java.lang." + name);
        }
        return Optional.empty();
    }

    /** The declared type of a field, resolved in {@code context}. */
    public TypeRef typeRef(Type type, TypeInfo context) {
        if (type instanceof ArrayType array) {
            TypeRef inner = typeRef(array.getComponentType(), context);
            return new TypeRef(inner.name(), inner.args(), inner.arrayDepth() + 1, inner.resolved());
        }
        if (type instanceof PrimitiveType primitive) {
            return TypeRef.of(primitive.asString());
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard.getExtendedType().map(t -> typeRef(t, context)).orElse(TypeRef.of("java.lang.Object"));
        }
        if (type instanceof ClassOrInterfaceType cls) {
            String written = cls.getNameWithScope();
            List<TypeRef> args = new ArrayList<>();
            cls.getTypeArguments().ifPresent(list -> list.forEach(a -> args.add(typeRef(a, context))));
            Optional<String> fqn = resolve(written, context);
            return new TypeRef(fqn.orElse(written), args, 0, fqn.isPresent());
        }
        return new TypeRef(type.asString(), List.of(), 0, false);
    }
}
