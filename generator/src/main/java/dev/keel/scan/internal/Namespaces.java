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

    /**
     * The state name of the sequence a {@code @SequenceGenerator} declares ({@code sequenceName}, else the generator's
     * name). Hibernate reads a name written with a dot as {@code schema.name}, each part through the naming
     * strategy ({@code crmData.visitIds} is {@code crm_data.visit_ids} under Spring Boot's naming), and then ignores
     * the {@code schema} element; a name without a dot lives in the element's schema. A name with two dots
     * ({@code calendar.crm.meeting_ids}, catalog, schema and name) is written by Hibernate 6.6 on PostgreSQL as
     * {@code calendar.meeting_ids}: the first part takes the schema's place and the middle one is dropped (seen on
     * its script and on a real database, oracle sample {@code schemas}); Hibernate 7 reads it as catalog, schema and
     * name and writes {@code crm.meeting_ids} ({@link HibernateRule#SEQUENCE_NAME_CATALOG_FIRST}).
     */
    static String sequence(ScanContext ctx, AnnotationView generator, String written) {
        int first = written.indexOf('.');
        if (first < 0) {
            return qualify(schema(ctx, Optional.of(generator)), ctx.naming().physical(written).db());
        }
        int last = written.lastIndexOf('.');
        // catalog.schema.name: Hibernate 7 takes the middle part as the schema, 6.6 the first
        String schemaPart = last > first && ctx.has(HibernateRule.SEQUENCE_NAME_CATALOG_FIRST)
                ? written.substring(first + 1, last) : written.substring(0, first);
        String schema = ctx.naming().physical(schemaPart).db();
        String name = ctx.naming().physical(written.substring(written.lastIndexOf('.') + 1)).db();
        return qualify(schema.equals(DEFAULT_SCHEMA) ? null : schema, name);
    }

    /**
     * Refuses a table name with a dot ({@code @Table(name = "crm.customer")} under Hibernate's own naming; Spring Boot's
     * turns the dot into an underscore): Hibernate 6.6 quotes it into one name, {@code "crm.customer"}, a table of the
     * default schema, where the author most likely meant table {@code customer} of schema {@code crm}.
     */
    static Ident table(Ident name, com.github.javaparser.ast.Node node, String annotation) {
        if (name.text().contains(".")) {
            int dot = name.text().lastIndexOf('.');
            throw new MappingProblem(node, "table name \"" + name.text() + "\" has a dot: Hibernate 6.6 makes it one quoted name,"
                    + " a table of the default schema, not table " + name.text().substring(dot + 1) + " of schema "
                    + name.text().substring(0, dot), "write @" + annotation + "(name = \"" + name.text().substring(dot + 1)
                    + "\", schema = \"" + name.text().substring(0, dot) + "\")");
        }
        return name;
    }

    /** {@code schema.name}, or {@code name} in the default schema (null), as keel's state names sequences. */
    static String qualify(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
