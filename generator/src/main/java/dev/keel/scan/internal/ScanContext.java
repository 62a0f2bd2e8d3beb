package dev.keel.scan.internal;

import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import dev.keel.config.KeelConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every mapping rule needs: the parsed sources, name and constant resolution, the naming rules,
 * the configuration and the problem list.
 */
public final class ScanContext {
    private final SourceIndex index;
    private final TypeNames names;
    private final Values values;
    private final NamingRules naming;
    private final KeelConfig config;
    private final Problems problems;
    private final Map<String, List<AnnotationView>> classAnnotations = new ConcurrentHashMap<>();

    public ScanContext(SourceIndex index, NamingRules naming, KeelConfig config, Problems problems) {
        this.index = index;
        this.names = new TypeNames(index);
        this.values = new Values(names);
        this.naming = naming;
        this.config = config;
        this.problems = problems;
    }

    public SourceIndex index() {
        return index;
    }

    public TypeNames names() {
        return names;
    }

    public Values values() {
        return values;
    }

    public NamingRules naming() {
        return naming;
    }

    public KeelConfig config() {
        return config;
    }

    public Problems problems() {
        return problems;
    }

    /** The annotations on a class (cached; an annotation whose name cannot be resolved keeps it as written). */
    public List<AnnotationView> annotations(TypeInfo type) {
        return classAnnotations.computeIfAbsent(type.fqn(), k -> AnnotationView.on(type.decl(), type, values));
    }

    /** The annotation of this type on a class, if present. */
    public Optional<AnnotationView> annotation(TypeInfo type, String fqn) {
        return annotations(type).stream().filter(a -> a.fqn().equals(fqn)).findFirst();
    }

    /** Whether a scanned class carries an annotation. */
    public boolean isAnnotated(String typeFqn, String annotationFqn) {
        return index.type(typeFqn).map(t -> annotation(t, annotationFqn).isPresent()).orElse(false);
    }

    /** The scanned superclass of a class, if it extends one declared in the sources. */
    public Optional<TypeInfo> superclass(TypeInfo type) {
        return names.superclass(type);
    }

    /** The constants of an enum declared in the sources (or of a JDK enum Hibernate knows), if it is one. */
    public Optional<List<String>> enumConstants(String fqn) {
        Optional<TypeInfo> t = index.type(fqn);
        if (t.isPresent() && t.get().decl() instanceof EnumDeclaration e) {
            return Optional.of(e.getEntries().stream().map(c -> c.getNameAsString()).toList());
        }
        return BasicTypes.jdkEnumSize(fqn).map(n -> java.util.stream.IntStream.range(0, n).mapToObj(i -> "#" + i).toList());
    }

    /** Whether a scanned class is a record (its components are its attributes). */
    public boolean isRecord(String fqn) {
        return index.type(fqn).map(t -> t.decl() instanceof RecordDeclaration).orElse(false);
    }
}
