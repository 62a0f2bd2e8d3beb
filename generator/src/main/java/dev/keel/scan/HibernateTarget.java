package dev.keel.scan;

import dev.keel.config.HibernateVersion;
import dev.keel.config.KeelConfig;
import dev.keel.scan.internal.ClassPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides whose schema the scan writes, Hibernate 6's or 7's, as a user expects without
 * configuring anything. In this order:
 * <ol>
 *   <li>keel.json's {@code "hibernate"} ({@code "6"} or {@code "7"});</li>
 *   <li>the {@code hibernate-core} jar of the class path the scan reads (keel.json {@code "libraries"}, and the
 *       compile class path the Maven plugin passes: the version Maven resolved);</li>
 *   <li>the build files of the project folder and of the folders above it up to the repository's root (the nearest
 *       that says one): in {@code pom.xml} a {@code hibernate-core} dependency's version, a {@code hibernate.version}
 *       property (Spring Boot's), the {@code spring-boot-starter-parent} parent or an imported
 *       {@code spring-boot-dependencies} BOM (Boot 3 brings Hibernate 6, Boot 4 Hibernate 7); in {@code build.gradle},
 *       {@code build.gradle.kts} and {@code gradle/libs.versions.toml} the same dependency, property and the
 *       {@code org.springframework.boot} plugin or BOM;</li>
 *   <li>Hibernate 6, when nothing says one.</li>
 * </ol>
 */
public final class HibernateTarget {
    private HibernateTarget() {}

    /** The version chosen and where it was found ({@code "keel.json"}, {@code "pom.xml: spring-boot-starter-parent 4.0.7"}). */
    public record Decision(HibernateVersion version, String source, boolean found) {
        /** {@code Hibernate 7 (pom.xml: spring-boot-starter-parent 4.0.7)}. */
        public String describe() {
            return version.describe() + " (" + source + ")";
        }
    }

    /** How many folders above the project folder are read for build files, at most. */
    private static final int MAX_PARENTS = 6;

    /** The decision for the project in {@code projectDir} with {@code config}. */
    public static Decision decide(Path projectDir, KeelConfig config) {
        if (config.hibernate() != null) {
            return new Decision(config.hibernate(), "keel.json \"hibernate\"", true);
        }
        Optional<Decision> fromClassPath = fromClassPath(projectDir, config);
        if (fromClassPath.isPresent()) {
            return fromClassPath.get();
        }
        return fromBuildFiles(projectDir).orElse(new Decision(HibernateVersion.DEFAULT,
                "no Hibernate version in keel.json or the build: keel's default", false));
    }

    /** {@code config} with the version {@link #decide} chooses. */
    public static KeelConfig resolve(Path projectDir, KeelConfig config) {
        return config.hibernate() != null ? config : config.withHibernate(decide(projectDir, config).version());
    }

    private static final Pattern CORE_JAR = Pattern.compile("hibernate-core-(\\d+[^/\\\\]*)\\.jar");

    /** The version of the {@code hibernate-core} jar on the scan's class path, from the jar's name as Maven and Gradle store it. */
    static Optional<Decision> fromClassPath(Path projectDir, KeelConfig config) {
        if (config.libraries().isEmpty()) {
            return Optional.empty();
        }
        List<Path> entries;
        try (ClassPath classPath = ClassPath.of(projectDir, config.libraries())) {
            entries = classPath.entries();
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the scan reports the class path's problem where it reads it
        }
        for (Path entry : entries) {
            Matcher m = CORE_JAR.matcher(entry.getFileName() == null ? "" : entry.getFileName().toString());
            if (m.matches()) {
                Optional<HibernateVersion> v = HibernateVersion.ofVersion(m.group(1));
                if (v.isPresent()) {
                    return Optional.of(new Decision(v.get(), "class path: hibernate-core " + m.group(1), true));
                }
            }
        }
        return Optional.empty();
    }

    /** The nearest build file, from the project folder up to the repository's root, that names a version. */
    static Optional<Decision> fromBuildFiles(Path projectDir) {
        Path dir = projectDir.toAbsolutePath().normalize();
        var properties = new HashMap<String, String>();
        var poms = new java.util.LinkedHashMap<Path, String>();
        for (int up = 0; dir != null && up <= MAX_PARENTS; up++, dir = dir.getParent()) {
            for (String name : List.of("pom.xml", "build.gradle.kts", "build.gradle", "gradle/libs.versions.toml")) {
                Path file = dir.resolve(name);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String text;
                try {
                    text = Files.readString(file);
                } catch (IOException | RuntimeException e) {
                    continue;
                }
                if (name.equals("pom.xml")) {
                    // a nearer pom may name a property this one defines (a module's ${hibernate-core version}): read again
                    poms.put(file, text);
                    BuildFiles.properties(text, properties);
                    for (Map.Entry<Path, String> pom : poms.entrySet()) {
                        Optional<Found> found = BuildFiles.pom(pom.getValue(), properties);
                        if (found.isPresent()) {
                            return Optional.of(decision(projectDir, pom.getKey(), found.get()));
                        }
                    }
                    continue;
                }
                Optional<Found> found = name.endsWith(".toml") ? BuildFiles.versionCatalog(text) : BuildFiles.gradle(text, properties);
                if (found.isPresent()) {
                    return Optional.of(decision(projectDir, file, found.get()));
                }
            }
            if (Files.exists(dir.resolve(".git"))) {
                break; // the repository's root: folders above it are another project's
            }
        }
        return Optional.empty();
    }

    private static Decision decision(Path projectDir, Path file, Found found) {
        String where = projectDir.toAbsolutePath().normalize().relativize(file).toString();
        return new Decision(found.version(), where + ": " + found.what(), true);
    }

    /** What a build file says: the version, and the line of it ({@code spring-boot-starter-parent 4.0.7}). */
    record Found(HibernateVersion version, String what) {}

    /** Reads build files' texts; pure functions. */
    static final class BuildFiles {
        private BuildFiles() {}

        private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
        private static final Pattern PROPERTIES = Pattern.compile("<properties>(.*?)</properties>", Pattern.DOTALL);
        private static final Pattern PROPERTY = Pattern.compile("<([A-Za-z0-9_.\\-]+)>\\s*([^<]*?)\\s*</\\1>");
        private static final Pattern BLOCK = Pattern.compile("<(parent|dependency)>(.*?)</\\1>", Pattern.DOTALL);

        /**
         * A pom's {@code hibernate-core} dependency (a version or a property of this pom or of a pom nearer the project),
         * its {@code hibernate.version} property, its Spring Boot parent or imported BOM. {@code properties} gathers the
         * properties of the poms read so far (nearest first).
         */
        static Optional<Found> pom(String text, Map<String, String> properties) {
            String pom = COMMENT.matcher(text).replaceAll("");
            properties(pom, properties);
            var core = new ArrayList<Found>();
            var boot = new ArrayList<Found>();
            Matcher block = BLOCK.matcher(pom);
            while (block.find()) {
                String body = block.group(2);
                String group = element(body, "groupId");
                String artifact = element(body, "artifactId");
                String version = resolve(element(body, "version"), properties);
                if ("org.hibernate.orm".equals(group) && "hibernate-core".equals(artifact) && version != null) {
                    HibernateVersion.ofVersion(version).ifPresent(v -> core.add(new Found(v, "hibernate-core " + version)));
                } else if ("org.springframework.boot".equals(group) && version != null
                        && ("spring-boot-starter-parent".equals(artifact) || "spring-boot-dependencies".equals(artifact))) {
                    HibernateVersion.ofSpringBoot(version).ifPresent(v -> boot.add(new Found(v, artifact + " " + version)));
                }
            }
            var candidates = new ArrayList<>(core);
            String property = properties.get("hibernate.version");
            if (property != null && pom.contains("<hibernate.version>")) {
                HibernateVersion.ofVersion(property).ifPresent(v -> candidates.add(new Found(v, "hibernate.version " + property)));
            }
            candidates.addAll(boot);
            return candidates.stream().findFirst();
        }

        /** Adds the pom's {@code <properties>} to {@code properties} (those already there, of a nearer pom, win). */
        static void properties(String text, Map<String, String> properties) {
            Matcher props = PROPERTIES.matcher(COMMENT.matcher(text).replaceAll(""));
            while (props.find()) {
                Matcher p = PROPERTY.matcher(props.group(1));
                while (p.find()) {
                    properties.putIfAbsent(p.group(1), p.group(2));
                }
            }
        }

        private static String element(String body, String name) {
            Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(body);
            return m.find() ? m.group(1) : null;
        }

        private static String resolve(String value, Map<String, String> properties) {
            if (value == null) {
                return null;
            }
            Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
            return m.matches() ? properties.get(m.group(1)) : value;
        }

        private static final Pattern GRADLE_CORE = Pattern.compile("org\\.hibernate\\.orm:hibernate-core:([\\w.\\-${}]+)");
        private static final Pattern GRADLE_BOOT_PLUGIN = Pattern.compile(
                "id\\s*\\(?\\s*['\"]org\\.springframework\\.boot['\"]\\s*\\)?\\s*version\\s*\\(?\\s*['\"]([\\w.\\-]+)['\"]");
        private static final Pattern GRADLE_BOOT_BOM = Pattern.compile("org\\.springframework\\.boot:spring-boot-dependencies:([\\w.\\-]+)");
        private static final Pattern GRADLE_PROPERTY = Pattern.compile(
                "(?:set\\(\\s*|ext\\[\\s*|extra\\[\\s*)?['\"]hibernate\\.version['\"]\\s*[\\],]?\\s*[=,]?\\s*['\"]([\\w.\\-]+)['\"]");

        /** A Gradle build's {@code hibernate-core} dependency, {@code hibernate.version} extra property, Boot plugin or BOM. */
        static Optional<Found> gradle(String text, Map<String, String> properties) {
            Matcher core = GRADLE_CORE.matcher(text);
            if (core.find() && HibernateVersion.ofVersion(core.group(1)).isPresent()) {
                return Optional.of(new Found(HibernateVersion.ofVersion(core.group(1)).get(), "hibernate-core " + core.group(1)));
            }
            Matcher property = GRADLE_PROPERTY.matcher(text);
            if (property.find() && HibernateVersion.ofVersion(property.group(1)).isPresent()) {
                return Optional.of(new Found(HibernateVersion.ofVersion(property.group(1)).get(), "hibernate.version " + property.group(1)));
            }
            for (Pattern boot : List.of(GRADLE_BOOT_PLUGIN, GRADLE_BOOT_BOM)) {
                Matcher m = boot.matcher(text);
                if (m.find() && HibernateVersion.ofSpringBoot(m.group(1)).isPresent()) {
                    return Optional.of(new Found(HibernateVersion.ofSpringBoot(m.group(1)).get(),
                            (boot == GRADLE_BOOT_PLUGIN ? "org.springframework.boot plugin " : "spring-boot-dependencies ") + m.group(1)));
                }
            }
            return Optional.empty();
        }

        private static final Pattern TOML_ENTRY = Pattern.compile("(?m)^\\s*([\\w.\\-]+)\\s*=\\s*(.+)$");

        /**
         * A Gradle version catalog's {@code hibernate-core} library or {@code org.springframework.boot} plugin, with its
         * version written or taken from {@code [versions]}.
         */
        static Optional<Found> versionCatalog(String text) {
            var versions = new HashMap<String, String>();
            Matcher entry = TOML_ENTRY.matcher(text);
            while (entry.find()) {
                String value = entry.group(2).strip();
                if (value.startsWith("\"")) {
                    versions.putIfAbsent(entry.group(1), value.replaceAll("^\"([^\"]*)\".*$", "$1"));
                }
            }
            Optional<Found> core = catalogEntry(text, "org\\.hibernate\\.orm:hibernate-core|module\\s*=\\s*\"org\\.hibernate\\.orm:hibernate-core\"",
                    versions, HibernateVersion::ofVersion, "hibernate-core ");
            return core.isPresent() ? core : catalogEntry(text, "id\\s*=\\s*\"org\\.springframework\\.boot\"", versions,
                    HibernateVersion::ofSpringBoot, "org.springframework.boot plugin ");
        }

        private static Optional<Found> catalogEntry(String text, String what, Map<String, String> versions,
                                                    java.util.function.Function<String, Optional<HibernateVersion>> of,
                                                    String label) {
            Matcher line = Pattern.compile("(?m)^.*(?:" + what + ").*$").matcher(text);
            while (line.find()) {
                String l = line.group();
                Matcher inline = Pattern.compile("hibernate-core:([\\w.\\-]+)\"|version\\s*=\\s*\"([\\w.\\-]+)\"").matcher(l);
                Matcher ref = Pattern.compile("version\\.ref\\s*=\\s*\"([\\w.\\-]+)\"").matcher(l);
                String version = inline.find() ? (inline.group(1) != null ? inline.group(1) : inline.group(2))
                        : ref.find() ? versions.get(ref.group(1)) : null;
                if (version != null && of.apply(version).isPresent()) {
                    return Optional.of(new Found(of.apply(version).get(), label + version));
                }
            }
            return Optional.empty();
        }
    }
}
