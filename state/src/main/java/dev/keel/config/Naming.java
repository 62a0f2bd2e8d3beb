package dev.keel.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** How entity and field names become table and column names. */
public enum Naming {
    /**
     * Spring Boot's setup: CamelCaseToUnderscoresNamingStrategy with SpringImplicitNamingStrategy
     * ({@code BlogPost.createdAt} -> {@code blog_post.created_at}; a join table is owner table + "_" + property).
     */
    SNAKE_CASE("snake_case"),
    /** Hibernate's defaults: names as written, JPA-compliant implicit names. */
    JPA("jpa");

    private final String label;

    Naming(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static Naming fromLabel(String label) {
        return Arrays.stream(values()).filter(n -> n.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("naming must be \"snake_case\" or \"jpa\", not \"" + label + "\""));
    }
}
