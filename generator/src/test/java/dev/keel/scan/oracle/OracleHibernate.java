package dev.keel.scan.oracle;

import dev.keel.config.HibernateVersion;
import dev.keel.config.KeelConfig;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * The Hibernate the oracle runs on (the {@code hibernate-core} on the test class path: 6.6 in the generator's tests, 7.2
 * in the {@code oracle-hibernate7} module's run of the same tests), and the samples as projects on it: keel reads each
 * sample as a project on that Hibernate ({@code "hibernate"} set as keel.json would set it).
 *
 * <p>A sample that compiles on one Hibernate only says so in its {@code oracle.properties}: {@code hibernate=6} (the
 * majors it is compared on) and {@code reason=...} (why not on the others); it is skipped elsewhere, with the reason.
 */
public final class OracleHibernate {
    private OracleHibernate() {}

    /** The major version of the Hibernate on the class path. */
    public static HibernateVersion version() {
        String running = org.hibernate.Version.getVersionString();
        return HibernateVersion.ofVersion(running).orElseThrow(() -> new IllegalStateException(
                "the oracle runs on Hibernate " + running + ", which keel does not model (6 or 7)"));
    }

    /** The sample's keel.json, the project's Hibernate being the one the oracle runs. */
    public static KeelConfig config(Path sample) {
        return KeelConfig.read(sample).withHibernate(version());
    }

    /** Why the sample is not compared on this Hibernate, or empty when it is. */
    public static Optional<String> skipped(Path sample) {
        Properties p = properties(sample);
        String versions = p.getProperty("hibernate", "").strip();
        if (versions.isEmpty() || Arrays.stream(versions.split("\\s*,\\s*")).anyMatch(v -> v.equals(version().label()))) {
            return Optional.empty();
        }
        return Optional.of(sample.getFileName() + " is compared on Hibernate " + versions + " only: "
                + p.getProperty("reason", "(no reason given)"));
    }

    /**
     * The columns ({@code table.column}) whose check this Hibernate computes by running the application's code, which
     * keel reads and does not run: {@code unmodelled.7=product.color} (an enum stored through an AttributeConverter:
     * Hibernate 7 converts every constant to list the values). The comparison leaves out that one check, nothing else.
     */
    public static java.util.List<String> unmodelled(Path sample) {
        Properties p = properties(sample);
        String list = p.getProperty("unmodelled." + version().label(), "").strip();
        return list.isEmpty() ? java.util.List.of() : java.util.List.of(list.split("\\s*,\\s*"));
    }

    private static Properties properties(Path sample) {
        var p = new Properties();
        Path file = sample.resolve("oracle.properties");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
    }

    /** Skips the running test when the sample is not compared on this Hibernate. */
    public static void assumeCompared(Path sample) {
        skipped(sample).ifPresent(reason -> org.junit.jupiter.api.Assumptions.abort(reason));
    }
}
