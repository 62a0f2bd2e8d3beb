package dev.keel.scan.internal;

import java.util.Optional;

/**
 * The schema a table or sequence lives in, as Hibernate 6.6 places it on PostgreSQL:
 * <ul>
 *   <li>the {@code schema} a mapping annotation writes ({@code @Table}, {@code @JoinTable}, {@code @CollectionTable},
 *       {@code @SequenceGenerator}), through the physical naming strategy like any name ({@code partnerData} is
 *       {@code partner_data} under Spring Boot's naming);</li>
 *   <li>nothing written: the default schema, whatever the schema of the entity's table. Hibernate does not pass the
 *       table's schema on: the implicit sequence ({@code <table>_seq}) and a {@code @SequenceGenerator} without
 *       {@code schema} of an entity in schema {@code crm}, and its implicit join and collection tables, are all in
 *       the default schema;</li>
 *   <li>{@code schema = "public"} is the default schema: Hibernate writes {@code public.tag}, which is where an
 *       unqualified {@code tag} is, so keel names it {@code tag} like every table of the default schema (the
 *       catalog keel compares with names them so too);</li>
 *   <li>{@code catalog} is left out: PostgreSQL has no catalogs, and Hibernate's PostgreSQL dialect qualifies names
 *       with the schema only.</li>
 * </ul>
 */
final class Namespaces {
    /** The schema keel's state and PostgreSQL's catalog name tables without. */
    static final String DEFAULT_SCHEMA = "public";

    private Namespaces() {}

    /** The physical schema {@code annotation} writes, or null (the default schema) when it writes none. */
    static String schema(ScanContext ctx, Optional<AnnotationView> annotation) {
        return annotation.map(a -> a.string("schema", "")).filter(s -> !s.isBlank())
                .map(s -> ctx.naming().physical(s).db()).filter(s -> !s.equals(DEFAULT_SCHEMA)).orElse(null);
    }

    /** {@code schema.name}, or {@code name} in the default schema (null), as keel's state names sequences. */
    static String qualify(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
