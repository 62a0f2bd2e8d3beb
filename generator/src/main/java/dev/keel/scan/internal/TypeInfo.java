package dev.keel.scan.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;

import java.nio.file.Path;

/**
 * A class, enum, record or interface declared in the scanned sources.
 *
 * @param fqn      the canonical name ({@code com.acme.Outer.Inner})
 * @param pkg      the package ("" for the default package)
 * @param decl     the declaration
 * @param unit     the compilation unit, for imports
 * @param file     the source file
 * @param outerFqn the enclosing type's name, or null for a top-level type
 */
public record TypeInfo(String fqn, String pkg, TypeDeclaration<?> decl, CompilationUnit unit, Path file,
                       String outerFqn) {
    /** The simple name. */
    public String simpleName() {
        return decl.getNameAsString();
    }

    /** The line of the declaration. */
    public int line() {
        return decl.getBegin().map(p -> p.line).orElse(0);
    }

    /** Whether the type lies in {@code packageName} or one of its sub-packages. */
    public boolean inPackage(String packageName) {
        return pkg.equals(packageName) || pkg.startsWith(packageName + ".");
    }
}
