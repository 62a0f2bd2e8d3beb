package dev.keel.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Hibernate ORM whose schema keel writes for the entities ({@code keel.json} {@code "hibernate": "7"}): 6 (6.x, what
 * Spring Boot 3 brings) or 7 (7.x, Spring Boot 4). The two create different schemas for the same entities (checks on
 * single-table inheritance, the precision of times, quoted names under Spring's naming...); keel writes the one the
 * project's Hibernate creates.
 */
public enum HibernateVersion {
    /** Hibernate ORM 6.x (6.6 is what keel's schema is measured against). */
    V6("6"),
    /** Hibernate ORM 7.x (7.2 and 7.4 measured). */
    V7("7");

    /** The version when neither keel.json nor the build says one. */
    public static final HibernateVersion DEFAULT = V6;

    private final String label;

    HibernateVersion(String label) {
        this.label = label;
    }

    /** {@code "6"} or {@code "7"}, as keel.json writes it. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Reads keel.json's value: {@code "6"} or {@code "7"}, or a full version ({@code "7.2.19.Final"}) whose major is one. */
    @JsonCreator
    public static HibernateVersion fromLabel(String label) {
        return ofVersion(label).orElseThrow(() -> new IllegalArgumentException(
                "hibernate must be \"6\" or \"7\" (the major version of hibernate-core), not \"" + label + "\""));
    }

    /** The version of a release ({@code 7.2.19.Final}, {@code 6.6}, {@code 7}): empty for another major. */
    public static Optional<HibernateVersion> ofVersion(String version) {
        if (version == null) {
            return Optional.empty();
        }
        String major = version.strip().split("[.\\-]", 2)[0];
        return Arrays.stream(values()).filter(v -> v.label.equals(major)).findFirst();
    }

    /** The Hibernate a Spring Boot release brings: 6 under Boot 3, 7 under Boot 4; empty for another major. */
    public static Optional<HibernateVersion> ofSpringBoot(String version) {
        if (version == null) {
            return Optional.empty();
        }
        return switch (version.strip().split("[.\\-]", 2)[0]) {
            case "3" -> Optional.of(V6);
            case "4" -> Optional.of(V7);
            default -> Optional.empty();
        };
    }

    /** "Hibernate 6" or "Hibernate 7", for messages. */
    public String describe() {
        return "Hibernate " + label;
    }
}
