package dev.keel.scan.internal;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.body.TypeDeclaration;
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
    private final NamedEnums namedEnums = new NamedEnums();
    private final java.util.Set<HibernateRule> rules;

    /** A class's annotations, kept on its declaration: they go when its tree goes (see {@link SourceTrees}). */
    private static final DataKey<List<AnnotationView>> CLASS_ANNOTATIONS = new DataKey<>() {};
    /** The files read to evaluate them beyond the class's own (constants of other classes), for {@link MappingRecorder}. */
    private static final DataKey<java.util.Set<java.nio.file.Path>> CLASS_ANNOTATION_READS = new DataKey<>() {};

    public ScanContext(SourceIndex index, NamingRules naming, KeelConfig config, Problems problems) {
        this(index, ClassPath.EMPTY, naming, config, problems);
    }

    /** A context whose names not declared in the sources are looked up on {@code classPath}. */
    public ScanContext(SourceIndex index, ClassPath classPath, NamingRules naming, KeelConfig config, Problems problems) {
        this.index = index;
        index.libraries(classPath);
        this.names = new TypeNames(index, classPath);
        this.values = new Values(names);
        this.naming = naming;
        this.config = config;
        this.problems = problems;
        this.rules = HibernateRule.of(config.hibernateVersion());
    }

    /** Whether the project's Hibernate applies {@code rule} (the version is keel.json's or the build's). */
    public boolean has(HibernateRule rule) {
        return rules.contains(rule);
    }

    public SourceIndex index() {
        return index;
    }

    public TypeNames names() {
        return names;
    }

    /** The application's class path, where names the sources do not declare are looked up. */
    public ClassPath classPath() {
        return names.classPath();
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

    /** The PostgreSQL enum types the mapping asks for. */
    public NamedEnums namedEnums() {
        return namedEnums;
    }

    /** The annotations on a class (cached; an annotation whose name cannot be resolved keeps it as written). */
    public List<AnnotationView> annotations(TypeInfo type) {
        TypeDeclaration<?> decl = type.decl();
        synchronized (decl) {
            if (!decl.containsData(CLASS_ANNOTATIONS)) {
                var frame = MappingRecorder.begin();
                try {
                    decl.setData(CLASS_ANNOTATIONS, AnnotationView.on(decl, type, values));
                } finally {
                    var reads = MappingRecorder.end(frame, type.file());
                    if (reads != null) {
                        decl.setData(CLASS_ANNOTATION_READS, reads);
                    }
                }
            } else if (decl.containsData(CLASS_ANNOTATION_READS)) {
                MappingRecorder.replay(decl.getData(CLASS_ANNOTATION_READS));
            }
            return decl.getData(CLASS_ANNOTATIONS);
        }
    }

    /** The annotation of this type on a class, if present (answered without the class's tree when its name is absent). */
    public Optional<AnnotationView> annotation(TypeInfo type, String fqn) {
        if (!type.mayCarry(fqn)) {
            return Optional.empty();
        }
        return annotations(type).stream().filter(a -> a.fqn().equals(fqn)).findFirst();
    }

    /** Whether a scanned class carries an annotation. */
    public boolean isAnnotated(String typeFqn, String annotationFqn) {
        return index.type(typeFqn).map(t -> annotation(t, annotationFqn).isPresent()).orElse(false);
    }

    /** The scanned superclass of a class, if it extends one declared in the sources (cached by name). */
    public Optional<TypeInfo> superclass(TypeInfo type) {
        return names.superclass(type);
    }

    /** The constants of an enum declared in the sources (or of a JDK enum Hibernate knows), if it is one. */
    public Optional<List<String>> enumConstants(String fqn) {
        Optional<TypeInfo> t = index.type(fqn);
        if (t.isPresent() && t.get().decl() instanceof EnumDeclaration e) {
            return Optional.of(e.getEntries().stream().map(c -> c.getNameAsString()).toList());
        }
        if (t.isPresent()) {
            return Optional.empty();
        }
        Optional<List<String>> jdk = BasicTypes.jdkEnumSize(fqn).map(n -> java.util.stream.IntStream.range(0, n).mapToObj(i -> "#" + i).toList());
        return jdk.isPresent() ? jdk : names.classPath().enumConstants(fqn);
    }

    /** Whether a scanned class is a record (its components are its attributes). */
    public boolean isRecord(String fqn) {
        Optional<TypeInfo> t = index.type(fqn);
        return t.isPresent() ? t.get().decl() instanceof RecordDeclaration
                : names.classPath().type(fqn).map(LibraryType::record).orElse(false);
    }
}
