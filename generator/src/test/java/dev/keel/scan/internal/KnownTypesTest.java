package dev.keel.scan.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A source that imports a mapping package with {@code *} may name any of its types: each one the jar holds must be
 * known, or an annotation such as {@code @Subselect} is silently not seen under {@code import org.hibernate.annotations.*}
 * (the entity then got a table Hibernate does not create).
 */
class KnownTypesTest {
    /** The public top-level types of {@code pkg} in the jar that holds {@code probe}. */
    private static Set<String> typesOf(Class<?> probe, String pkg) throws IOException, URISyntaxException {
        Path jar = Path.of(probe.getProtectionDomain().getCodeSource().getLocation().toURI());
        String dir = pkg.replace('.', '/') + "/";
        var names = new TreeSet<String>();
        try (var file = new JarFile(jar.toFile())) {
            file.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith(dir) && n.endsWith(".class") && n.indexOf('/', dir.length()) < 0 && !n.contains("$")
                            && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(dir.length(), n.length() - ".class".length()))
                    .forEach(n -> {
                        try {
                            if (java.lang.reflect.Modifier.isPublic(Class.forName(pkg + "." + n, false, probe.getClassLoader()).getModifiers())) {
                                names.add(n);
                            }
                        } catch (ClassNotFoundException | LinkageError e) {
                            names.add(n);
                        }
                    });
        }
        return names;
    }

    private static Set<String> unknown(Class<?> probe, String pkg) throws Exception {
        var missing = new TreeSet<String>();
        for (String n : typesOf(probe, pkg)) {
            if (!KnownTypes.exists(pkg, n)) {
                missing.add(n);
            }
        }
        return missing;
    }

    @Test
    void everyHibernateAnnotationTypeIsKnown() throws Exception {
        assertEquals(Set.of(), unknown(org.hibernate.annotations.Subselect.class, "org.hibernate.annotations"));
    }

    @Test
    void everyJakartaPersistenceTypeIsKnown() throws Exception {
        assertEquals(Set.of(), unknown(jakarta.persistence.Entity.class, "jakarta.persistence"));
    }

    @Test
    void everyBeanValidationConstraintIsKnown() throws Exception {
        assertEquals(Set.of(), unknown(jakarta.validation.constraints.NotNull.class, "jakarta.validation.constraints"));
        assertEquals(Set.of(), unknown(org.hibernate.validator.constraints.Length.class, "org.hibernate.validator.constraints"));
    }
}
