package dev.keel.init;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.keel.config.AppConfig;
import dev.keel.config.DatabaseConfig;
import dev.keel.config.KeelConfig;
import dev.keel.config.Naming;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.scan.EntityScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What {@code keel init} learns from an existing project: the packages of its {@code @Entity} classes
 * (which become apps, see {@link #apps()}), the naming strategy
 * it most likely runs with, and whether Bean Validation reaches its schema (hibernate-validator or
 * Spring Boot's validation starter in {@code pom.xml} or {@code build.gradle}).
 *
 * @param apps     the apps to write in keel.json
 * @param appNotes why apps were merged, or why their foreign keys could not be checked (empty when neither)
 * @param defaultSchema the schema the Spring configuration's {@code hibernate.default_schema} names, or null
 */
public record ProjectSurvey(List<String> sourceRoots, SortedSet<String> entityPackages, Naming naming, String namingReason,
                            boolean beanValidation, String beanValidationReason, List<App> apps, List<String> appNotes,
                            String defaultSchema) {
    /**
     * {@code hibernate.default_schema} in application.properties ({@code spring.jpa.properties.hibernate.default_schema=app})
     * or application.yml ({@code default_schema: app} under {@code hibernate}).
     */
    private static final java.util.regex.Pattern DEFAULT_SCHEMA = java.util.regex.Pattern.compile(
            "(?m)^[ \\t]*(?:[\\w.\\[\\]\"'-]*\\.)?default_schema[ \\t]*[:=][ \\t]*[\"']?([A-Za-z_][\\w$]*)");
    /** Only entities have tables: a package of mapped superclasses and embeddables alone is no app. */
    private static final Set<String> MAPPED = Set.of("Entity");
    private static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");
    private static final List<String> VALIDATION = List.of("hibernate-validator", "spring-boot-starter-validation");

    /** One app {@code keel init} proposes: a label and the package of its entities. */
    public record App(String label, String packageName) {
        public String migrationsPackage() {
            return packageName + ".migrations";
        }
    }

    /**
     * Surveys the project in {@code projectDir}.
     *
     * @param sourceRoots the source roots to read (relative to the project); empty: {@code src/main/java}
     * @param naming      the naming strategy, or null to guess it from the build and the Spring configuration
     * @throws KeelException of kind USAGE when no source root exists or no entity is found
     */
    public static ProjectSurvey of(Path projectDir, List<String> sourceRoots, Naming naming) {
        List<String> roots = sourceRoots.isEmpty() ? List.of("src/main/java") : List.copyOf(sourceRoots);
        var packages = new TreeSet<String>();
        for (String root : roots) {
            Path dir = projectDir.resolve(root);
            if (!Files.isDirectory(dir)) {
                throw new KeelException(ErrorKind.USAGE, dir + ": no such source root.\nTo fix: name the folder of the"
                        + " project's Java sources with --source-root (src/main/java in a Maven or Gradle project).");
            }
            packages.addAll(entityPackages(dir));
        }
        if (packages.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, "no @Entity class under "
                    + String.join(", ", roots) + ".\nTo fix: run keel init in the project folder, or name the source"
                    + " roots with --source-root.");
        }
        String build = buildFiles(projectDir);
        String springConfig = springConfig(projectDir, roots);
        Naming chosen = naming;
        String namingReason = "given with --naming";
        if (chosen == null) {
            if (springConfig.contains("PhysicalNamingStrategyStandardImpl")) {
                chosen = Naming.JPA;
                namingReason = "the Spring configuration sets PhysicalNamingStrategyStandardImpl";
            } else if (build.contains("spring-boot")) {
                chosen = Naming.SNAKE_CASE;
                namingReason = "a Spring Boot build, whose default is CamelCaseToUnderscoresNamingStrategy";
            } else {
                chosen = Naming.JPA;
                namingReason = "no Spring Boot in the build: Hibernate's default names";
            }
        }
        String validator = VALIDATION.stream().filter(build::contains).findFirst().orElse(null);
        boolean bv = validator != null;
        List<App> proposed = packageApps(packages);
        var notes = new ArrayList<String>();
        KeelConfig provisional = new KeelConfig(roots, chosen, bv, proposed.stream()
                .map(a -> new AppConfig(a.label(), a.packageName(), a.migrationsPackage())).toList(), DatabaseConfig.none());
        List<App> apps = proposed.size() < 2 ? proposed
                : AppCycles.withoutCycles(proposed, commonPackage(packages), () -> EntityScanner.scan(projectDir, provisional), notes);
        var schema = DEFAULT_SCHEMA.matcher(springConfig);
        return new ProjectSurvey(roots, packages, chosen, namingReason, bv,
                bv ? "the build uses " + validator : "no hibernate-validator in the build", apps, List.copyOf(notes),
                schema.find() ? schema.group(1) : null);
    }

    /**
     * The apps the packages suggest: one per package just below the entities' common package; or one app
     * for that package when entities sit in it directly (or all share one package).
     */
    static List<App> packageApps(SortedSet<String> entityPackages) {
        String common = commonPackage(entityPackages);
        boolean direct = entityPackages.contains(common);
        if (direct || common.isEmpty() && entityPackages.size() == 1) {
            return List.of(new App(label(common), common));
        }
        var children = new TreeSet<String>();
        for (String p : entityPackages) {
            String rest = common.isEmpty() ? p : p.substring(common.length() + 1);
            children.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }
        return children.stream().map(c -> new App(label(c), common.isEmpty() ? c : common + "." + c)).toList();
    }

    /** An app label for a package: its last part, in the letters, digits and _ a label allows. */
    static String label(String pkg) {
        String last = pkg.isEmpty() ? "app" : pkg.substring(pkg.lastIndexOf('.') + 1);
        String label = last.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return Character.isLetter(label.charAt(0)) ? label : "app_" + label;
    }

    static String commonPackage(SortedSet<String> packages) {
        String[] first = packages.first().split("\\.");
        int n = first.length;
        for (String p : packages) {
            String[] parts = p.split("\\.");
            int i = 0;
            while (i < Math.min(n, parts.length) && parts[i].equals(first[i])) {
                i++;
            }
            n = i;
        }
        return String.join(".", java.util.Arrays.copyOf(first, n));
    }

    /** The packages of the mapped classes under {@code root} (a migrations package is not one). */
    private static Set<String> entityPackages(Path root) {
        var out = new TreeSet<String>();
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                if (MAPPED.stream().noneMatch(a -> text.contains("@" + a) || text.contains("persistence." + a))) {
                    continue;
                }
                ParseResult<CompilationUnit> parsed = parser.parse(text);
                if (parsed.getResult().isEmpty()) {
                    continue;
                }
                CompilationUnit cu = parsed.getResult().get();
                boolean mapped = cu.findAll(TypeDeclaration.class).stream().anyMatch(t -> ((TypeDeclaration<?>) t)
                        .getAnnotations().stream().anyMatch(a -> MAPPED.contains(a.getName().getIdentifier())));
                if (mapped) {
                    out.add(cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse(""));
                }
            }
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, root + ": cannot read the sources: " + e.getMessage(), e);
        }
        return out;
    }

    private static String buildFiles(Path projectDir) {
        var sb = new StringBuilder();
        for (String name : BUILD_FILES) {
            Path f = projectDir.resolve(name);
            if (Files.isRegularFile(f)) {
                sb.append(read(f)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Spring's application.properties and .yml files, next to the sources. */
    private static String springConfig(Path projectDir, List<String> roots) {
        var sb = new StringBuilder();
        var dirs = new ArrayList<Path>(List.of(projectDir.resolve("src/main/resources"), projectDir));
        roots.forEach(r -> dirs.add(projectDir.resolve(r).resolveSibling("resources")));
        for (Path dir : dirs) {
            for (String name : List.of("application.properties", "application.yml", "application.yaml")) {
                Path f = dir.resolve(name);
                if (Files.isRegularFile(f)) {
                    sb.append(read(f)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, f + ": cannot read it: " + e.getMessage(), e);
        }
    }
}
