package dev.keel.scan.internal;

import java.util.Set;

/** Canonical names of the annotations and types the scanner reads. */
final class JpaNames {
    private JpaNames() {}

    static final String JPA = "jakarta.persistence.";
    static final String HIB = "org.hibernate.annotations.";
    static final String BV = "jakarta.validation.constraints.";

    static final String ENTITY = JPA + "Entity";
    static final String MAPPED_SUPERCLASS = JPA + "MappedSuperclass";
    static final String EMBEDDABLE = JPA + "Embeddable";
    static final String TABLE = JPA + "Table";
    static final String COLUMN = JPA + "Column";
    static final String ID = JPA + "Id";
    static final String EMBEDDED_ID = JPA + "EmbeddedId";
    static final String EMBEDDED = JPA + "Embedded";
    static final String ID_CLASS = JPA + "IdClass";
    static final String GENERATED_VALUE = JPA + "GeneratedValue";
    static final String SEQUENCE_GENERATOR = JPA + "SequenceGenerator";
    static final String TABLE_GENERATOR = JPA + "TableGenerator";
    static final String TRANSIENT = JPA + "Transient";
    static final String VERSION = JPA + "Version";
    static final String BASIC = JPA + "Basic";
    static final String LOB = JPA + "Lob";
    static final String ENUMERATED = JPA + "Enumerated";
    static final String TEMPORAL = JPA + "Temporal";
    static final String CONVERT = JPA + "Convert";
    static final String CONVERTER = JPA + "Converter";
    static final String MANY_TO_ONE = JPA + "ManyToOne";
    static final String ONE_TO_ONE = JPA + "OneToOne";
    static final String ONE_TO_MANY = JPA + "OneToMany";
    static final String MANY_TO_MANY = JPA + "ManyToMany";
    static final String ELEMENT_COLLECTION = JPA + "ElementCollection";
    static final String JOIN_COLUMN = JPA + "JoinColumn";
    static final String JOIN_COLUMNS = JPA + "JoinColumns";
    static final String JOIN_TABLE = JPA + "JoinTable";
    static final String COLLECTION_TABLE = JPA + "CollectionTable";
    static final String ORDER_COLUMN = JPA + "OrderColumn";
    static final String ATTRIBUTE_OVERRIDE = JPA + "AttributeOverride";
    static final String ATTRIBUTE_OVERRIDES = JPA + "AttributeOverrides";
    static final String INHERITANCE = JPA + "Inheritance";
    static final String DISCRIMINATOR_COLUMN = JPA + "DiscriminatorColumn";
    static final String PRIMARY_KEY_JOIN_COLUMN = JPA + "PrimaryKeyJoinColumn";
    static final String MAPS_ID = JPA + "MapsId";
    static final String MAP_KEY_COLUMN = JPA + "MapKeyColumn";
    static final String MAP_KEY = JPA + "MapKey";
    static final String MAP_KEY_CLASS = JPA + "MapKeyClass";
    static final String MAP_KEY_JOIN_COLUMN = JPA + "MapKeyJoinColumn";
    static final String MAP_KEY_JOIN_COLUMNS = JPA + "MapKeyJoinColumns";
    static final String MAP_KEY_ENUMERATED = JPA + "MapKeyEnumerated";
    static final String MAP_KEY_TEMPORAL = JPA + "MapKeyTemporal";
    static final String ACCESS = JPA + "Access";
    static final String SECONDARY_TABLE = JPA + "SecondaryTable";
    static final String ASSOCIATION_OVERRIDE = JPA + "AssociationOverride";
    static final String ASSOCIATION_OVERRIDES = JPA + "AssociationOverrides";
    /**
     * Not an annotation type: the class-level {@code @AssociationOverride} that applies to a relation, put on the
     * relation's attribute ({@link AttributeMapper#attributesOf}) for {@link Relations} to read in place of the
     * relation's own join columns, join table and foreign key.
     */
    static final String APPLIED_ASSOCIATION_OVERRIDE = ASSOCIATION_OVERRIDE + "#applied";

    static final String CHECK = HIB + "Check";
    static final String COMMENT = HIB + "Comment";
    static final String COLUMN_DEFAULT = HIB + "ColumnDefault";
    static final String GENERATED_COLUMN = HIB + "GeneratedColumn";
    static final String JDBC_TYPE_CODE = HIB + "JdbcTypeCode";
    static final String JDBC_TYPE = HIB + "JdbcType";
    static final String TYPE = HIB + "Type";
    static final String FORMULA = HIB + "Formula";
    static final String NATURAL_ID = HIB + "NaturalId";
    static final String SOFT_DELETE = HIB + "SoftDelete";
    static final String TENANT_ID = HIB + "TenantId";
    static final String ON_DELETE = HIB + "OnDelete";
    static final String DISCRIMINATOR_OPTIONS = HIB + "DiscriminatorOptions";
    static final String DISCRIMINATOR_VALUE = JPA + "DiscriminatorValue";
    static final String FRACTIONAL_SECONDS = HIB + "FractionalSeconds";
    static final String IMMUTABLE = HIB + "Immutable";
    static final String SUBSELECT = HIB + "Subselect";
    static final String MAP_KEY_JDBC_TYPE_CODE = HIB + "MapKeyJdbcTypeCode";

    /** The simple names of jakarta.persistence, for {@code import jakarta.persistence.*}. */
    static final Set<String> ALL = Set.of("Entity", "MappedSuperclass", "Embeddable", "Table", "Column", "Id",
            "EmbeddedId", "Embedded", "IdClass", "GeneratedValue", "GenerationType", "SequenceGenerator",
            "TableGenerator", "Transient", "Version", "Lob", "Enumerated", "EnumType", "Temporal", "TemporalType",
            "Convert", "Converter", "AttributeConverter", "ManyToOne", "OneToOne", "OneToMany", "ManyToMany",
            "ElementCollection", "JoinColumn", "JoinColumns", "JoinTable", "CollectionTable", "OrderColumn",
            "OrderBy", "AttributeOverride", "AttributeOverrides", "Inheritance", "InheritanceType",
            "DiscriminatorColumn", "DiscriminatorValue", "DiscriminatorType", "PrimaryKeyJoinColumn", "MapsId",
            "MapKeyColumn", "MapKey", "SecondaryTable",
            "MapKeyClass", "MapKeyJoinColumn", "MapKeyJoinColumns", "MapKeyEnumerated", "MapKeyTemporal", "AssociationOverride", "ForeignKey", "ConstraintMode",
            "Index", "UniqueConstraint", "CascadeType", "FetchType", "Access", "AccessType", "Basic",
            "EntityListeners", "PrePersist", "PreUpdate", "PostLoad", "NamedQuery", "NamedQueries", "Cacheable",
            // the rest of the package (KnownTypesTest compares with the jar): containers, callbacks, queries, the API
            "AssociationOverrides", "AttributeNode", "Cache", "CacheRetrieveMode", "CacheStoreMode", "ColumnResult",
            "ConstructorResult", "Converts", "EntityExistsException", "EntityGraph", "EntityManager", "EntityManagerFactory",
            "EntityNotFoundException", "EntityResult", "EntityTransaction", "ExcludeDefaultListeners",
            "ExcludeSuperclassListeners", "FieldResult", "FlushModeType", "LockModeType", "LockTimeoutException",
            "NamedAttributeNode", "NamedEntityGraph", "NamedEntityGraphs", "NamedNativeQueries", "NamedNativeQuery",
            "NamedStoredProcedureQueries", "NamedStoredProcedureQuery", "NamedSubgraph", "NoResultException",
            "NonUniqueResultException", "OptimisticLockException", "Parameter", "ParameterMode", "Persistence",
            "PersistenceContext", "PersistenceContextType", "PersistenceContexts", "PersistenceException",
            "PersistenceProperty", "PersistenceUnit", "PersistenceUnitUtil", "PersistenceUnits", "PersistenceUtil",
            "PessimisticLockException", "PessimisticLockScope", "PostPersist", "PostRemove", "PostUpdate", "PreRemove",
            "PrimaryKeyJoinColumns", "Query", "QueryHint", "QueryTimeoutException", "RollbackException", "SecondaryTables",
            "SequenceGenerators", "SharedCacheMode", "SqlResultSetMapping", "SqlResultSetMappings",
            "StoredProcedureParameter", "StoredProcedureQuery", "Subgraph", "SynchronizationType", "TableGenerators",
            "TransactionRequiredException", "Tuple", "TupleElement", "TypedQuery", "ValidationMode");
}
