package dev.keel.scan.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.nio.file.Path;
import java.util.List;

/**
 * A class, enum, record or interface declared in the scanned sources.
 *
 * <p>What the first reading of the sources learnt about it (its names, file, line and the simple names
 * of the annotations on its declaration) is held here for every type. Its syntax tree ({@link #decl()},
 * {@link #unit()}) is held by {@link SourceTrees}, within a memory budget: asking for it may parse the file
 * again, and yields an equal tree each time. One {@code TypeInfo} exists per type and scan, so that
 * {@code ==} tells types apart.
 */
public final class TypeInfo {
    private final String fqn;
    private final String pkg;
    private final String simpleName;
    private final String outerFqn;
    private final int line;
    private final List<String> annotationNames;
    private final SourceTrees.Source source;

    TypeInfo(String fqn, String pkg, String simpleName, String outerFqn, int line, List<String> annotationNames,
             SourceTrees.Source source) {
        this.fqn = fqn;
        this.pkg = pkg;
        this.simpleName = simpleName;
        this.outerFqn = outerFqn;
        this.line = line;
        this.annotationNames = annotationNames;
        this.source = source;
    }

    /** The canonical name ({@code com.acme.Outer.Inner}). */
    public String fqn() {
        return fqn;
    }

    /** The package ("" for the default package). */
    public String pkg() {
        return pkg;
    }

    /** The declaration. */
    public TypeDeclaration<?> decl() {
        MappingRecorder.tree(this);
        return source.tree().declaration(fqn);
    }

    /** The compilation unit, for imports. */
    public CompilationUnit unit() {
        MappingRecorder.tree(this);
        return source.tree().unit();
    }

    /** The source file. */
    public Path file() {
        return source.file();
    }

    /** The enclosing type's name, or null for a top-level type. */
    public String outerFqn() {
        return outerFqn;
    }

    /** The simple name. */
    public String simpleName() {
        return simpleName;
    }

    /** The line of the declaration. */
    public int line() {
        return line;
    }

    /** Whether the type lies in {@code packageName} or one of its sub-packages. */
    public boolean inPackage(String packageName) {
        return pkg.equals(packageName) || pkg.startsWith(packageName + ".");
    }

    /**
     * Whether an annotation of type {@code annotationFqn} may be on the declaration: false when no
     * annotation there has its simple name (however it is written, an annotation's name ends with its
     * simple name), so that the question needs no syntax tree.
     */
    public boolean mayCarry(String annotationFqn) {
        String simple = annotationFqn.substring(annotationFqn.lastIndexOf('.') + 1);
        if (annotationNames.contains(simple)) {
            return true;
        }
        String container = AnnotationView.containerOf(simple);
        return container != null && annotationNames.contains(container);
    }

    /** The simple names of the annotations on the declaration, as the first reading found them. */
    List<String> annotationNames() {
        return annotationNames;
    }

    @Override
    public String toString() {
        return fqn;
    }
}
