package dev.keel.load;

import dev.keel.config.AppConfig;
import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.Closest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that what {@code keel.json} names is there, so that a typo in it is one error naming the key
 * and the closest thing that exists, instead of a silent "No changes detected" or errors about other
 * files: each source root is a folder; each app's package is declared by a source in the roots; and an
 * app whose migrations package holds no migration is not missing ones that sit in a package of a
 * similar name that no app claims.
 *
 * <p>When all is well this costs a few folder look-ups; the source roots are read only when one of
 * them finds something missing.
 */
public final class ProjectLayout {
    /** How many names a message lists when none is close to the one written. */
    private static final int LISTED = 12;

    private ProjectLayout() {}

    /**
     * Checks the source roots and the apps' packages of {@code config} against the project folder.
     *
     * @throws KeelException of kind USAGE, one problem per wrong key
     */
    public static void check(KeelConfig config, Path projectDir) {
        var problems = new ArrayList<String>();
        ConfigText text = ConfigText.of(projectDir);
        for (String root : config.sourceRoots()) {
            if (!Files.isDirectory(projectDir.resolve(root))) {
                problems.add(missingRoot(root, projectDir, text));
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, problems);
        }
        List<Path> roots = config.sourceRootPaths(projectDir);
        Packages declared = null;
        for (AppConfig app : config.apps()) {
            String folder = app.packageName().replace('.', '/');
            if (roots.stream().noneMatch(r -> Files.isDirectory(r.resolve(folder)))) {
                declared = declared == null ? Packages.of(roots) : declared;
                if (!declared.declares(app.packageName())) {
                    problems.add(noPackage(app, config, declared, text));
                    continue;
                }
            }
            if (!ProjectMigrations.hasMigrationFiles(config, projectDir, app)) {
                declared = declared == null ? Packages.of(roots) : declared;
                Set<String> claimed = new TreeSet<>();
                config.apps().forEach(a -> claimed.add(a.migrationsPackage()));
                List<String> unclaimed = declared.withMigrations().stream().filter(p -> !claimed.contains(p)).toList();
                Optional<String> found = near(app.migrationsPackage(), unclaimed);
                if (found.isPresent()) {
                    problems.add(misplacedMigrations(app, found.get(), declared.migrationFolder(found.get()), projectDir, text));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new KeelException(ErrorKind.USAGE, problems);
        }
    }

    private static String missingRoot(String root, Path projectDir, ConfigText text) {
        List<String> candidates = sourceFolders(projectDir);
        Optional<String> closest = near(root, candidates);
        String where = text.at("\"" + Pattern.quote(root) + "\"");
        String found = closest.map(c -> "  Closest folder with Java sources: " + c)
                .orElse(candidates.isEmpty() ? "  No folder of the project holds Java sources."
                        : "  Folders with Java sources: " + listing(candidates));
        String fix = closest.map(c -> "correct \"" + root + "\" in \"sourceRoots\" of " + KeelConfig.FILE_NAME
                        + " (did you mean \"" + c + "\"?)")
                .orElse("name the folders that hold the entities' packages in \"sourceRoots\" of " + KeelConfig.FILE_NAME
                        + ", or create " + root);
        return where + "source root " + root + " is not a folder of the project (" + projectDir + "), so keel would read"
                + " no sources there.\n" + found + "\nTo fix: " + fix + ".";
    }

    private static String noPackage(AppConfig app, KeelConfig config, Packages declared, ConfigText text) {
        Optional<String> closest = near(app.packageName(), declared.all());
        String where = text.at("\"package\"\\s*:\\s*\"" + Pattern.quote(app.packageName()) + "\"");
        String found = closest.map(c -> "  Closest declared package: " + c)
                .orElse(declared.all().isEmpty() ? "  No source there declares a package."
                        : "  Packages declared there: " + listing(declared.all()));
        String fix = closest.map(c -> "correct \"package\" of app " + app.label() + " in " + KeelConfig.FILE_NAME
                        + " (did you mean \"" + c + "\"?)")
                .orElse("set \"package\" of app " + app.label() + " in " + KeelConfig.FILE_NAME
                        + " to the package of its entities");
        return where + "app " + app.label() + ": no source in " + String.join(", ", config.sourceRoots())
                + " declares package " + app.packageName() + " or a package under it, so the app would have no"
                + " entities.\n" + found + "\nTo fix: " + fix + ", or write the app's entities in package "
                + app.packageName() + ".";
    }

    private static String misplacedMigrations(AppConfig app, String found, Path folder, Path projectDir, ConfigText text) {
        boolean given = text.has("\"migrationsPackage\"\\s*:\\s*\"" + Pattern.quote(app.migrationsPackage()) + "\"");
        String where = given ? text.at("\"migrationsPackage\"\\s*:\\s*\"" + Pattern.quote(app.migrationsPackage()) + "\"")
                : text.at("\"package\"\\s*:\\s*\"" + Pattern.quote(app.packageName()) + "\"");
        String which = given ? "its migrations package " + app.migrationsPackage()
                : "its migrations package " + app.migrationsPackage() + " (its package and .migrations, as \"migrationsPackage\""
                + " is not given)";
        return where + "app " + app.label() + ": " + which + " holds no migration, while " + found + " ("
                + projectDir.relativize(folder) + ") holds migrations that no app of " + KeelConfig.FILE_NAME + " claims;"
                + " keel would start the app's migrations over.\n  Closest package with migrations: " + found
                + "\nTo fix: " + (given ? "correct" : "set") + " \"migrationsPackage\" of app " + app.label() + " in "
                + KeelConfig.FILE_NAME + " (did you mean \"" + found + "\"?).";
    }

    /** The name of {@code names} nearest to {@code wanted}, if near enough to be a likely typo of it. */
    static Optional<String> near(String wanted, List<String> names) {
        return names.stream()
                .min(Comparator.comparingInt((String n) -> Closest.distance(wanted, n)).thenComparing(n -> n))
                .filter(n -> Closest.distance(wanted, n) <= Math.max(3, wanted.length() / 3));
    }

    private static String listing(List<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        return sorted.size() <= LISTED ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, LISTED)) + " ... and " + (sorted.size() - LISTED) + " more";
    }

    /** Folders that are not where sources are kept. */
    private static final Set<String> SKIPPED = Set.of("target", "build", "out", "node_modules");

    /**
     * The folders of the project (relative, with {@code /}) that are roots of Java packages: a folder
     * holding a source whose package matches the folders below the root.
     */
    static List<String> sourceFolders(Path projectDir) {
        var roots = new TreeSet<String>();
        var seen = new java.util.HashSet<Path>();
        try {
            Files.walkFileTree(projectDir, Set.of(), 12, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(projectDir) && (name.startsWith(".") || SKIPPED.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.toString().endsWith(".java") && seen.add(file.getParent())) {
                        String pkg = declaredPackage(file);
                        Path root = file.getParent();
                        for (String part : pkg.isEmpty() ? new String[0] : pkg.split("\\.")) {
                            root = root == null ? null : root.getParent();
                        }
                        if (root != null && root.resolve(pkg.replace('.', '/')).normalize().equals(file.getParent().normalize())
                                && root.startsWith(projectDir)) {
                            String relative = projectDir.relativize(root).toString().replace('\\', '/');
                            roots.add(relative.isEmpty() ? "." : relative);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(roots);
    }

    /** The packages the sources of the roots declare (one source read per folder), and those holding migrations. */
    record Packages(Map<String, Path> declared, Map<String, Path> migrations) {
        static Packages of(List<Path> roots) {
            var declared = new TreeMap<String, Path>();
            var migrations = new TreeMap<String, Path>();
            for (Path root : roots) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isDirectory).forEach(dir -> {
                        List<Path> sources = javaFiles(dir);
                        if (sources.isEmpty()) {
                            return;
                        }
                        String pkg = declaredPackage(sources.get(0));
                        declared.putIfAbsent(pkg, dir);
                        if (sources.stream().anyMatch(f -> ProjectMigrations.looksLikeMigration(f.getFileName().toString()))) {
                            migrations.putIfAbsent(pkg, dir);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Packages(declared, migrations);
        }

        private static List<Path> javaFiles(Path dir) {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        /** Whether a source declares {@code pkg} or a package under it. */
        boolean declares(String pkg) {
            return declared.keySet().stream().anyMatch(p -> p.equals(pkg) || p.startsWith(pkg + "."));
        }

        List<String> all() {
            return List.copyOf(declared.keySet());
        }

        List<String> withMigrations() {
            return List.copyOf(migrations.keySet());
        }

        Path migrationFolder(String pkg) {
            return migrations.get(pkg);
        }
    }

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile(
            "\\bpackage\\s+([A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*)\\s*;");

    /** The package a source declares ({@code ""} for none), from its first lines. */
    static String declaredPackage(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16 * 1024);
        } catch (IOException e) {
            return "";
        }
        String text = COMMENT.matcher(new String(head, StandardCharsets.UTF_8)).replaceAll(" ");
        int firstType = firstTypeKeyword(text);
        Matcher m = PACKAGE.matcher(text);
        return m.find() && (firstType < 0 || m.start() < firstType) ? m.group(1).replaceAll("\\s", "") : "";
    }

    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record|import)\\b");

    private static int firstTypeKeyword(String text) {
        Matcher m = TYPE.matcher(text);
        return m.find() ? m.start() : -1;
    }

    /** The text of the project's {@code keel.json}, to say on which line a value is written. */
    private record ConfigText(Path file, String text) {
        static ConfigText of(Path projectDir) {
            Path file = projectDir.resolve(KeelConfig.FILE_NAME);
            try {
                return new ConfigText(file, Files.readString(file));
            } catch (IOException | UncheckedIOException e) {
                return new ConfigText(file, "");
            }
        }

        boolean has(String regex) {
            return Pattern.compile(regex).matcher(text).find();
        }

        /** {@code PATH/keel.json:LINE: } where {@code regex} first matches, else {@code PATH/keel.json: }. */
        String at(String regex) {
            Matcher m = Pattern.compile(regex).matcher(text);
            if (!m.find()) {
                return file + ": ";
            }
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            return file + ":" + line + ": ";
        }
    }
}
