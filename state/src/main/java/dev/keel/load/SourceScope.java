package dev.keel.load;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a name means inside a migration file, following Java's rules as far as {@code define()}
 * needs them: fields of the migration class, imported keel types, statically imported keel members.
 * A name that leads outside keel (application code, the JDK) is reported, never loaded.
 */
final class SourceScope {
    /** An import of the file: its name (without {@code .*}), whether static, whether on demand, its line (messages). */
    record Import(String name, boolean isStatic, boolean asterisk, int line) {}

    /** The migration class as JavaParser read it; null when the file was read from its tokens ({@link DefineTokens}). */
    private final ClassOrInterfaceDeclaration migrationClass;
    private final List<Import> imports;
    private final String className;
    /** The class's name with its package's, or null when the file declares no package. */
    private final String qualifiedClassName;
    /** The names of the class's fields, for a scope read from tokens (null for JavaParser's). */
    private final java.util.Set<String> fieldNames;

    SourceScope(CompilationUnit unit, ClassOrInterfaceDeclaration migrationClass) {
        this.migrationClass = migrationClass;
        var list = new ArrayList<Import>(unit.getImports().size());
        for (ImportDeclaration i : unit.getImports()) {
            list.add(new Import(i.getNameAsString(), i.isStatic(), i.isAsterisk(), i.getBegin().map(p -> p.line).orElse(0)));
        }
        this.imports = list;
        this.className = migrationClass.getNameAsString();
        this.qualifiedClassName = unit.getPackageDeclaration().map(p -> p.getNameAsString() + "." + className).orElse(null);
        this.fieldNames = null;
    }

    /**
     * The scope of a file read from its tokens: its package (null for none), imports, class name, the names of the
     * class's fields and of its methods.
     */
    SourceScope(String packageName, List<Import> imports, String className, java.util.Set<String> fieldNames,
                java.util.Set<String> methodNames) {
        this.migrationClass = null;
        this.imports = imports;
        this.className = className;
        this.qualifiedClassName = packageName == null ? null : packageName + "." + className;
        this.fieldNames = fieldNames;
        this.methodNames = methodNames;
    }

    /** A field declared in the migration class (checked for {@code static final} where it is used). */
    Optional<VariableDeclarator> field(String name) {
        for (FieldDeclaration f : migrationClass.getFields()) {
            for (VariableDeclarator v : f.getVariables()) {
                if (v.getNameAsString().equals(name)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the migration class declares a field of this name. */
    private boolean hasField(String name) {
        return fieldNames != null ? fieldNames.contains(name) : field(name).isPresent();
    }

    /** Whether {@code name} is the migration class itself (as in {@code M0001_initial.TABLE}). */
    boolean isOwnClass(String name) {
        return name.equals(className) || name.equals(qualifiedClassName);
    }

    /** The names of the methods the migration class declares (asked for every call define() makes). */
    private java.util.Set<String> methodNames;

    /** Whether the migration class declares a method of this name. */
    boolean declaresMethod(String name) {
        if (methodNames == null) {
            var names = new java.util.HashSet<String>();
            migrationClass.getMethods().forEach(m -> names.add(m.getNameAsString()));
            methodNames = names;
        }
        return methodNames.contains(name);
    }

    /** Whether {@code name} denotes a value (a field of the class or a statically imported keel field). */
    boolean isValueName(String name, Node at) {
        return hasField(name) || staticField(name, at).isPresent();
    }

    /**
     * The keel type a simple or dotted name denotes ({@code RunSql}, {@code dev.keel.operations.RunSql}),
     * empty when it denotes no type.
     *
     * @throws Unreadable when the name denotes a type outside keel
     */
    Optional<Class<?>> type(String name, Node at) {
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        for (Import i : imports) {
            if (!i.isStatic() && !i.asterisk() && simpleName(i.name()).equals(first)) {
                return keelOrForeign(i.name() + rest, at, i);
            }
        }
        if (dot > 0 && KeelTypes.isKeelName(name)) {
            return KeelTypes.load(name);
        }
        for (Import i : imports) {
            if (!i.isStatic() && i.asterisk() && KeelTypes.isKeelName(i.name() + ".")) {
                Optional<Class<?>> found = KeelTypes.load(i.name() + "." + name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (isJavaLang(first)) {
            throw new Unreadable(at, "uses java.lang." + first + ": keel reads define() without running it, so it"
                    + " only understands keel's factories, literals and the static final constants of this file",
                    "compute the value yourself and write it as a literal or as a static final constant of this class");
        }
        return Optional.empty();
    }

    /** A keel field statically imported under this name ({@code DELETE} from {@code DeletionAction.*}). */
    Optional<Field> staticField(String name, Node at) {
        for (Class<?> owner : staticOwners(name, at)) {
            Optional<Field> f = KeelTypes.staticField(owner, name);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** The keel static methods imported under this name ({@code column} from {@code Operations.*}). */
    List<Method> staticMethods(String name, Node at) {
        var result = new ArrayList<Method>();
        for (Class<?> owner : staticOwners(name, at)) {
            result.addAll(KeelTypes.staticMethods(owner, name));
        }
        return result;
    }

    /** The static imports on demand of classes outside keel, which the reader does not look into. */
    List<String> foreignStaticImports() {
        return imports.stream().filter(i -> i.isStatic() && i.asterisk()
                && !KeelTypes.isKeelName(i.name() + ".")).map(i -> i.name() + ".*").toList();
    }

    /** {@link #staticOwners} by name, once found (a name imported from outside keel throws every time). */
    private final java.util.Map<String, List<Class<?>>> ownersByName = new java.util.HashMap<>();

    /** The keel classes whose static member {@code name} is imported, single imports first. */
    private List<Class<?>> staticOwners(String name, Node at) {
        List<Class<?>> found = ownersByName.get(name);
        if (found == null) {
            found = findStaticOwners(name, at);
            ownersByName.put(name, found);
        }
        return found;
    }

    private List<Class<?>> findStaticOwners(String name, Node at) {
        var owners = new ArrayList<Class<?>>();
        for (Import i : imports) {
            if (i.isStatic() && !i.asterisk() && simpleName(i.name()).equals(name)) {
                String owner = qualifier(i.name());
                if (!KeelTypes.isKeelName(owner + ".")) {
                    throw foreign(at, i.name(), "it is imported from " + owner);
                }
                KeelTypes.load(owner).ifPresent(owners::add);
            }
        }
        for (Import i : imports) {
            if (i.isStatic() && i.asterisk() && KeelTypes.isKeelName(i.name() + ".")) {
                KeelTypes.load(i.name()).ifPresent(owners::add);
            }
        }
        return List.copyOf(owners);
    }

    private static Optional<Class<?>> keelOrForeign(String qualifiedName, Node at, Import i) {
        if (!KeelTypes.isKeelName(qualifiedName)) {
            throw foreign(at, qualifiedName, "it is imported at line " + i.line());
        }
        return KeelTypes.load(qualifiedName);
    }

    private static Unreadable foreign(Node at, String qualifiedName, String where) {
        return new Unreadable(at, "uses " + qualifiedName + ", which is not part of keel (" + where + "). keel reads"
                + " define() without compiling it, so it only understands keel's factories, literals and the"
                + " static final constants of this file",
                "write the value as a literal or as a static final constant of this class. Migrations must not"
                        + " depend on application code: it changes after the migration is written, and the"
                        + " migration must keep meaning what it meant");
    }

    /** Cached: a failed Class.forName throws, and scopes ask again for every file. */
    private static final java.util.Map<String, Boolean> JAVA_LANG = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isJavaLang(String simpleName) {
        return JAVA_LANG.computeIfAbsent(simpleName, SourceScope::findJavaLang);
    }

    private static boolean findJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static String qualifier(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? "" : qualified.substring(0, dot);
    }
}
