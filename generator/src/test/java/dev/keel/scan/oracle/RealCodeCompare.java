package dev.keel.scan.oracle;

import dev.keel.config.KeelConfig;
import dev.keel.scan.EntityScanner;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison of bench/realcode.sh (a measuring tool, not a test; it needs the network to fetch its
 * input, so no build runs it): a real project's binary jar with its dependencies on the class path goes
 * to Hibernate 6.6 (the {@code @Entity} and {@code @Converter} classes of the jar, PostgreSQLDialect, the
 * naming of the project's keel.json), its unpacked sources to keel's scanner, and the two schemas are
 * compared as the oracle tests compare them ({@link SchemaShape}), then sorted into kinds of disagreement.
 *
 * <p>Usage: {@code RealCodeCompare PROJECT_DIR REPORT_FILE ENTITY_JAR[:ENTITY_JAR...] [DEPENDENCY_JAR...]} (the entity
 * jars: the project's, and those of modules of the same persistence unit). The report has
 * one fact a line: {@code entities N}, {@code hibernate tables N} or {@code hibernate failed MESSAGE},
 * {@code keel tables N} or {@code keel stopped MESSAGE}, then {@code disagreement KIND TABLE DETAIL}.
 */
public final class RealCodeCompare {
    private RealCodeCompare() {}

    /** One disagreement: its kind (what differs and who has it), the table, and the two sides. */
    record Disagreement(String kind, String table, String detail) {
        @Override
        public String toString() {
            return "disagreement " + kind + " " + table + " " + detail.replace('\n', ' ');
        }
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        Path report = Path.of(args[1]);
        // the jars of the persistence unit's entities (the project's and those of modules its relations target)
        List<Path> entityJars = java.util.Arrays.stream(args[2].split(java.io.File.pathSeparator)).map(Path::of).toList();
        var jars = new ArrayList<URL>();
        for (Path jar : entityJars) {
            jars.add(jar.toUri().toURL());
        }
        for (int i = 3; i < args.length; i++) {
            jars.add(Path.of(args[i]).toUri().toURL());
        }
        KeelConfig config = KeelConfig.read(project);
        var lines = new ArrayList<String>();
        // parent first: Hibernate 6.6 and Jakarta Persistence of this class path, whatever versions the project's pom names
        var loader = new URLClassLoader(jars.toArray(URL[]::new), RealCodeCompare.class.getClassLoader());
        List<String> mapped = mappedClasses(loader, entityJars, lines);
        SchemaShape hibernate = null;
        var services = new LinkedHashMap<Class<?>, Object>();
        for (int attempt = 0; hibernate == null; attempt++) {
            try {
                Path work = Files.createTempDirectory("keel-realcode");
                HibernateDdl ddl = HibernateDdl.parse(HibernateOracle.exportScript(new SampleCompiler.Compiled(loader, mapped), config,
                        work, Map.of("hibernate.resource.beans.container", new ListenerBeans(), HibernateOracle.SERVICES, services)));
                hibernate = SchemaShape.of(ddl.tables(), ddl.sequences(), ddl.enumTypes());
                lines.add("hibernate tables " + hibernate.tables().size());
                services.keySet().forEach(t -> lines.add("service stand-in " + t.getName()));
            } catch (Throwable e) {
                Optional<Class<?>> wanted = attempt < 10 ? unknownService(e, loader) : Optional.empty();
                if (wanted.isPresent() && !services.containsKey(wanted.get())) {
                    // a service the project's integration registers (for its id generators, say): a stand-in, never called by the export
                    services.put(wanted.get(), java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {wanted.get()},
                            (proxy, method, arguments) -> method.getReturnType().isPrimitive() && method.getReturnType() != void.class
                                    ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(method.getReturnType(), 1), 0) : null));
                    continue;
                }
                lines.add("hibernate failed " + oneLine(e));
                e.printStackTrace(); // into the run's compare.log
                break;
            }
        }
        SchemaShape keel = null;
        try {
            keel = SchemaShape.of(EntityScanner.scan(project, config));
            lines.add("keel tables " + keel.tables().size());
        } catch (Throwable e) {
            lines.add("keel stopped " + oneLine(e));
        }
        if (keel != null && hibernate != null) {
            disagreements(keel, hibernate).forEach(d -> lines.add(d.toString()));
        }
        Files.write(report, lines);
        lines.forEach(System.out::println);
    }

    private static final Pattern UNKNOWN_SERVICE = Pattern.compile("Unknown service requested \\[([\\w.$]+)]");

    /** The service interface a failed start asked for, when it is a Hibernate service the class path has. */
    private static Optional<Class<?>> unknownService(Throwable e, ClassLoader loader) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            Matcher m = c.getMessage() == null ? null : UNKNOWN_SERVICE.matcher(c.getMessage());
            if (m != null && m.find()) {
                try {
                    Class<?> type = Class.forName(m.group(1), false, loader);
                    return type.isInterface() && org.hibernate.service.Service.class.isAssignableFrom(type)
                            ? Optional.of(type) : Optional.empty();
                } catch (ClassNotFoundException notThere) {
                    return Optional.empty();
                }
            }
            if (c == c.getCause()) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code @Entity} and {@code @Converter} classes of the jars that load (those that do not are reported), and their
     * {@code package-info} classes, whose packages Hibernate is given as an application's scanning gives them.
     */
    private static List<String> mappedClasses(ClassLoader loader, List<Path> jars, List<String> lines) throws IOException {
        var result = new ArrayList<String>();
        int entities = 0;
        for (Path jar : jars) {
            try (var file = new JarFile(jar.toFile())) {
                for (var e : java.util.Collections.list(file.entries())) {
                    String n = e.getName();
                    if (!n.endsWith(".class") || n.endsWith("module-info.class")) {
                        continue;
                    }
                    if (n.endsWith("/package-info.class")) {
                        result.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')); // its package is registered
                        continue;
                    }
                    String name = n.substring(0, n.length() - ".class".length()).replace('/', '.');
                    try {
                        Class<?> type = Class.forName(name, false, loader);
                        boolean entity = type.isAnnotationPresent(Entity.class);
                        if (entity || type.isAnnotationPresent(Converter.class)) {
                            result.add(name);
                            entities += entity ? 1 : 0;
                        }
                    } catch (Throwable t) {
                        lines.add("class not loaded " + name + ": " + oneLine(t));
                    }
                }
            }
        }
        lines.add(0, "entities " + entities);
        result.sort(null);
        return result;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) {
                m += " / " + c.getMessage();
            }
        }
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    private static final Pattern COLUMN = Pattern.compile(
            "column (\\S+) (.*?)( not null)?( default .*?)?( identity \\S+)?( comment '.*')?");

    /** The differences of two shapes, one per fact, by kind. */
    static List<Disagreement> disagreements(SchemaShape keel, SchemaShape hibernate) {
        var result = new ArrayList<Disagreement>();
        var names = new TreeSet<>(keel.tables().keySet());
        names.addAll(hibernate.tables().keySet());
        for (String table : names) {
            List<String> k = keel.tables().get(table);
            List<String> h = hibernate.tables().get(table);
            if (k == null || h == null) {
                result.add(new Disagreement("table only in " + (k == null ? "hibernate" : "keel"), table, ""));
                continue;
            }
            Map<String, Matcher> kc = columns(k);
            Map<String, Matcher> hc = columns(h);
            var all = new TreeSet<>(kc.keySet());
            all.addAll(hc.keySet());
            for (String c : all) {
                Matcher a = kc.get(c);
                Matcher b = hc.get(c);
                if (a == null || b == null) {
                    result.add(new Disagreement("column only in " + (a == null ? "hibernate" : "keel"), table, c));
                    continue;
                }
                String[] parts = {"type", "nullability", "default", "identity", "comment"};
                for (int g = 2; g <= 6; g++) {
                    String x = String.valueOf(a.group(g)).strip();
                    String y = String.valueOf(b.group(g)).strip();
                    if (!x.equals(y)) {
                        result.add(new Disagreement("column " + parts[g - 2], table, c + ": keel " + x + ", hibernate " + y));
                    }
                }
            }
            if (kc.keySet().equals(hc.keySet()) && !List.copyOf(kc.keySet()).equals(List.copyOf(hc.keySet()))) {
                result.add(new Disagreement("column order", table, "keel " + kc.keySet() + ", hibernate " + hc.keySet()));
            }
            var kr = rest(k);
            var hr = rest(h);
            for (var e : kr.entrySet()) {
                if (!hr.containsKey(e.getKey())) {
                    result.add(new Disagreement(e.getValue() + " only in keel", table, e.getKey()));
                }
            }
            for (var e : hr.entrySet()) {
                if (!kr.containsKey(e.getKey())) {
                    result.add(new Disagreement(e.getValue() + " only in hibernate", table, e.getKey()));
                }
            }
        }
        var ks = new TreeSet<>(keel.sequences());
        var hs = new TreeSet<>(hibernate.sequences());
        ks.stream().filter(s -> !hs.contains(s)).forEach(s -> result.add(new Disagreement("sequence only in keel", "-", s)));
        hs.stream().filter(s -> !ks.contains(s)).forEach(s -> result.add(new Disagreement("sequence only in hibernate", "-", s)));
        return result;
    }

    private static Map<String, Matcher> columns(List<String> lines) {
        var result = new LinkedHashMap<String, Matcher>();
        for (String line : lines) {
            Matcher m = COLUMN.matcher(line);
            if (line.startsWith("column ") && m.matches()) {
                result.put(m.group(1), m);
            }
        }
        return result;
    }

    /** The lines other than columns, each with its kind (primary key, unique, check, foreign key, index, comment). */
    private static Map<String, String> rest(List<String> lines) {
        var result = new TreeMap<String, String>();
        for (String line : lines) {
            if (line.startsWith("column ")) {
                continue;
            }
            String kind = line.startsWith("primary key") ? "primary key" : line.startsWith("foreign key") ? "foreign key"
                    : line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' '));
            result.put(line, kind);
        }
        return result;
    }

    /**
     * Entity listeners of a real project are often its framework's beans, with constructor arguments: for the
     * schema export they are made without a constructor (never called), so that the SessionFactory starts.
     */
    static final class ListenerBeans implements org.hibernate.resource.beans.container.spi.BeanContainer {
        @Override
        public <B> org.hibernate.resource.beans.container.spi.ContainedBean<B> getBean(Class<B> beanType, LifecycleOptions options,
                                            org.hibernate.resource.beans.spi.BeanInstanceProducer fallback) {
            return contained(beanType, fallback);
        }

        @Override
        public <B> org.hibernate.resource.beans.container.spi.ContainedBean<B> getBean(String name, Class<B> beanType, LifecycleOptions options,
                                            org.hibernate.resource.beans.spi.BeanInstanceProducer fallback) {
            return contained(beanType, fallback);
        }

        private static <B> org.hibernate.resource.beans.container.spi.ContainedBean<B> contained(Class<B> beanType, org.hibernate.resource.beans.spi.BeanInstanceProducer fallback) {
            B instance;
            try {
                instance = fallback.produceBeanInstance(beanType);
            } catch (RuntimeException e) {
                instance = allocate(beanType);
            }
            B bean = instance;
            return new org.hibernate.resource.beans.container.spi.ContainedBean<B>() {
                @Override
                public B getBeanInstance() {
                    return bean;
                }

                // Hibernate 7's second method (not in 6.6, hence no @Override): the oracle also runs on Hibernate 7
                @SuppressWarnings("unchecked")
                public Class<B> getBeanClass() {
                    return (Class<B>) bean.getClass();
                }
            };
        }

        private static <B> B allocate(Class<B> type) {
            try {
                var field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                field.setAccessible(true);
                Object unsafe = field.get(null);
                return type.cast(unsafe.getClass().getMethod("allocateInstance", Class.class).invoke(unsafe, type));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make entity listener " + type.getName(), e);
            }
        }

        @Override
        public void stop() {
            // nothing held
        }
    }
}
