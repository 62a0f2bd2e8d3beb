package dev.keel.scan.internal;

import dev.keel.config.HibernateVersion;

import java.util.EnumSet;
import java.util.Set;

/**
 * Each way Hibernate 7's schema differs from Hibernate 6.6's for the same entities, one named rule; the project's
 * Hibernate version ({@link dev.keel.scan.HibernateTarget}) chooses them ({@link #of}), and the scan asks
 * {@link ScanContext#has}. The Hibernate 7 classes named are where 7 does it (measured by the oracle on 7.2).
 */
public enum HibernateRule {
    /**
     * Single-table inheritance: a check on the discriminator column that lists the values of the hierarchy's concrete
     * classes ({@code dtype in ('Cat','Dog')}), unless one class's value is {@code null} or {@code not null}, the
     * discriminator is a formula or {@code @DiscriminatorOptions(force)} (DiscriminatorColumnSecondPass).
     */
    DISCRIMINATOR_CHECK,
    /**
     * Single-table inheritance: per concrete subclass, a check that its rows set the columns of its non-optional
     * attributes and its superclass's ({@code dtype<>'Dog' or (good_boy is not null)}), which the shared table must
     * leave nullable (SingleTableSubclass.createConstraints).
     */
    SUBCLASS_NOT_NULL_CHECK,
    /**
     * A single-table subclass's {@code @ManyToOne(optional = false)} leaves its join column nullable, as its other
     * columns (ToOneBinder: no NOT NULL under FORCED_NULL); 6.6 made it NOT NULL. Its subclass check holds it.
     */
    SUBCLASS_TO_ONE_NULLABLE,
    /**
     * Join columns written without {@code referencedColumnName} for a composite key are paired, in order, with the key's
     * attributes sorted by name, not with its columns in the key's order: {@code @JoinColumn(name = "signal_mast"),
     * @JoinColumn(name = "signal_code")} for a key {@code (mast, code)} gives {@code signal_mast -> code} (measured on
     * 7.2's DDL and catalog, oracle sample {@code implicit}).
     */
    JOIN_COLUMNS_BY_KEY_ATTRIBUTE,
    /**
     * {@code LocalTime}, {@code OffsetTime}, {@code java.sql.Time} and {@code @Temporal(TIME)} default to
     * {@code time(0)}, not {@code time(6)} (their JavaType's getDefaultSqlPrecision).
     */
    TIME_WITHOUT_FRACTIONS,
    /**
     * {@code @Basic} on a primitive makes its column NOT NULL whatever {@code optional} says (PropertyBinder.isOptional);
     * 6.6 let {@code @Basic int count} be nullable.
     */
    BASIC_PRIMITIVE_NOT_NULL,
    /**
     * A sequence name with two dots is {@code catalog.schema.name} (QualifiedNameParser): the sequence is in the middle
     * part's schema; 6.6 read the first part as the schema.
     */
    SEQUENCE_NAME_CATALOG_FIRST,
    /**
     * Spring's snake_case naming (PhysicalNamingStrategySnakeCaseImpl, which CamelCaseToUnderscoresNamingStrategy
     * extends in 7) keeps a quoted name as written ({@code "Owner"}, and the names derived from it) and puts an
     * underscore between a digit and a capital too ({@code line2Text} is {@code line2_text}).
     */
    SNAKE_CASE_KEEPS_QUOTED_NAMES,
    /**
     * An attribute typed by a type variable its entity leaves to entity subclasses ({@code V value} of an abstract
     * {@code Preference<V>}) is refused: "has an unbound type and no explicit target entity"
     * (PropertyContainer.verifyAndInitializePersistentAttributes); 6.6 mapped it as the first subclass binds it.
     */
    UNBOUND_GENERIC_REFUSED,
    /**
     * {@code @GeneratedValue(strategy = TABLE, generator = "x")} naming a {@code @SequenceGenerator} makes a generator
     * table named {@code x} (the strategy wins); 6.6 used the sequence generator named (oracle sample realworld4).
     */
    TABLE_STRATEGY_OVER_SEQUENCE_GENERATOR,
    /**
     * {@code @GeneratedValue(strategy = SEQUENCE)} naming a {@code @GenericGenerator} (even of Hibernate's own sequence
     * generator) stops the start ("specified SEQUENCE generation, but referred to a @GenericGenerator"); 6.6 mapped its
     * sequence (measured on 7.2, oracle sample {@code packages}).
     */
    SEQUENCE_STRATEGY_NAMES_NO_GENERIC_GENERATOR,
    /**
     * {@code @OrderColumn} on a collection that is not a {@code List} (a {@code Map}, a {@code Set}) is refused:
     * "is annotated '@OrderColumn' but is not of type 'java.util.List'" (PropertyBinder.validateAnnotationsAgainstType);
     * 6.6 ignored it (oracle sample realworld9).
     */
    ORDER_COLUMN_ON_LIST_ONLY,
    /**
     * {@code @PartitionKey}'s column joins the entity's primary key ({@code region [id, zone]}), so a foreign key to the
     * entity, or its own collection table's, must have that column too (else "must have same number of columns as the
     * referenced primary key"); 6.6 changed no DDL for it. keel refuses it on 7 (oracle sample realworld8, measured).
     */
    PARTITION_KEY_IN_PRIMARY_KEY;

    /** The rules of a Hibernate version: none for 6, every one for 7. */
    public static Set<HibernateRule> of(HibernateVersion version) {
        return version == HibernateVersion.V7 ? EnumSet.allOf(HibernateRule.class) : EnumSet.noneOf(HibernateRule.class);
    }
}
