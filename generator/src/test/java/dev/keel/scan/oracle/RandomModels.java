package dev.keel.scan.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a random JPA project from a seed: a handful of entities of package {@code rnd} with the mappings real
 * codebases combine (generated and assigned keys of several types, a mapped superclass, one inheritance
 * hierarchy of a random strategy, embeddables with overrides, enums, large objects, versions, the relations of
 * every kind, element collections, named tables, indexes and unique constraints), under Spring Boot's or
 * Hibernate's naming. Every project is one Hibernate 6.6 starts on; the same seed writes the same files.
 */
final class RandomModels {
    private final Random random;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<Entity> entities = new ArrayList<>();
    private final boolean snake;
    private final boolean beanValidation;
    private int names;

    private RandomModels(long seed) {
        this.random = new Random(seed);
        this.snake = random.nextBoolean();
        this.beanValidation = random.nextInt(3) == 0;
    }

    /** Writes the project of {@code seed} into {@code dir} (keel.json and sources). */
    static void write(long seed, Path dir) {
        var model = new RandomModels(seed);
        model.generate();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \""
                    + (model.snake ? "snake_case" : "jpa") + "\", \"beanValidation\": " + model.beanValidation + ",\n"
                    + " \"apps\": [{\"label\": \"rnd\", \"package\": \"rnd\"}]}\n");
            Path src = dir.resolve("src/main/java/rnd");
            Files.createDirectories(src);
            for (var file : model.files.entrySet()) {
                Files.writeString(src.resolve(file.getKey() + ".java"), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entity being written: its class name, its key's Java type, its body and whether it is a subclass. */
    private static final class Entity {
        final String name;
        String keyType;
        String parent;
        String inheritance;
        boolean isAbstract;
        final List<String> annotations = new ArrayList<>();
        final List<String> body = new ArrayList<>();
        final List<String> columns = new ArrayList<>();

        Entity(String name) {
            this.name = name;
        }
    }

    private void generate() {
        files.put("Status", "package rnd;\n\npublic enum Status { NEW, ACTIVE, CLOSED }\n");
        boolean base = random.nextBoolean();
        if (base) {
            files.put("Base", """
                    package rnd;

                    import jakarta.persistence.*;
                    import java.time.Instant;

                    @MappedSuperclass
                    public abstract class Base {
                        @Id
                        @GeneratedValue(strategy = GenerationType.%s)
                        private Long id;

                        @Column(nullable = false)
                        private Instant createdAt;

                        @Version
                        private long version;
                    }
                    """.formatted(pick("IDENTITY", "SEQUENCE", "AUTO")));
        }
        embeddable();
        files.put("Limits", "package rnd;\n\npublic interface Limits {\n    int NAME = 80;\n    int CODE = 12;\n    String PREFIX = \"x_\";\n}\n");
        boolean generic = random.nextBoolean();
        if (generic) {
            files.put("Identified", """
                    package rnd;

                    import jakarta.persistence.*;

                    @MappedSuperclass
                    public abstract class Identified<ID extends java.io.Serializable> {
                        @Id
                        @GeneratedValue
                        private ID id;

                        @org.hibernate.annotations.CreationTimestamp
                        private java.time.LocalDateTime created;
                    }
                    """);
        }
        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Entity e = new Entity("E" + i);
            entities.add(e);
            if (base && random.nextInt(3) == 0) {
                e.parent = "Base";
                e.keyType = "Long";
            } else if (generic && random.nextInt(3) == 0) {
                e.parent = "Identified<Long>";
                e.keyType = "Long";
            } else {
                key(e);
            }
        }
        hierarchy();
        for (Entity e : entities) {
            table(e);
            int fields = 1 + random.nextInt(5);
            for (int f = 0; f < fields; f++) {
                basic(e);
            }
            if (random.nextInt(3) == 0) {
                embedded(e);
            }
        }
        for (Entity e : entities) {
            int relations = random.nextInt(3);
            for (int r = 0; r < relations; r++) {
                relation(e);
            }
            if (random.nextInt(4) == 0) {
                elementCollection(e);
            }
        }
        int dependents = random.nextInt(2);
        for (int i = 0; i < dependents; i++) {
            Entity target = entities.get(random.nextInt(entities.size()));
            if (!List.of("Long", "Integer", "String", "java.util.UUID").contains(target.keyType)) {
                continue;
            }
            Entity d = new Entity("D" + i);
            d.keyType = target.keyType;
            d.body.add("@Id private " + target.keyType + " id;");
            d.body.add("@OneToOne @MapsId private " + target.name + " owner;");
            d.body.add("private String detail;");
            entities.add(d);
        }
        for (Entity e : entities) {
            if (e.parent == null && random.nextInt(6) == 0) {
                e.body.add("@org.hibernate.annotations.NaturalId @Column(length = 64) private String handle" + e.name + ";");
            }
            files.put(e.name, source(e));
        }
    }

    private void key(Entity e) {
        switch (random.nextInt(8)) {
            case 0 -> {
                e.keyType = "Long";
                e.body.add("@Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;");
            }
            case 1 -> {
                e.keyType = "Long";
                e.body.add("@Id @GeneratedValue private Long id;");
            }
            case 2 -> {
                e.keyType = "Integer";
                String generator = "gen" + e.name;
                e.body.add("@Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = \"" + generator + "\")"
                        + " @SequenceGenerator(name = \"" + generator + "\", sequenceName = \"seq_" + e.name.toLowerCase()
                        + "\", allocationSize = " + pick("1", "20", "50") + ") private Integer id;");
            }
            case 3 -> {
                e.keyType = "java.util.UUID";
                e.body.add("@Id @GeneratedValue(strategy = GenerationType.UUID) private java.util.UUID id;");
            }
            case 4 -> {
                e.keyType = "String";
                e.body.add("@Id @Column(length = " + pick("20", "36", "255") + ") private String code;");
            }
            case 5 -> {
                e.keyType = "long";
                e.body.add("@Id private long id;");
            }
            case 6 -> {
                e.keyType = e.name + "Key";
                files.put(e.name + "Key", """
                        package rnd;

                        import jakarta.persistence.*;

                        @Embeddable
                        public class %1$sKey implements java.io.Serializable {
                            private String region;

                            @Column(name = "seq_no")
                            private int number;
                        }
                        """.formatted(e.name));
                e.body.add("@EmbeddedId private " + e.name + "Key key;");
            }
            default -> {
                e.keyType = e.name + "Pk";
                files.put(e.name + "Pk", """
                        package rnd;

                        public class %1$sPk implements java.io.Serializable {
                            private Long tenant;
                            private String slug;
                        }
                        """.formatted(e.name));
                e.annotations.add("@IdClass(" + e.name + "Pk.class)");
                e.body.add("@Id private Long tenant;");
                e.body.add("@Id @Column(length = 40) private String slug;");
            }
        }
    }

    /** One entity becomes the root of an inheritance hierarchy of a random strategy, with one or two subclasses. */
    private void hierarchy() {
        if (random.nextInt(3) == 0) {
            return;
        }
        Entity root = entities.get(random.nextInt(entities.size()));
        if (root.parent != null) {
            return;
        }
        String strategy = pick("SINGLE_TABLE", "JOINED", "TABLE_PER_CLASS");
        if (strategy.equals("TABLE_PER_CLASS") && root.body.get(0).contains("IDENTITY")) {
            root.body.set(0, root.body.get(0).replace("GenerationType.IDENTITY", "GenerationType.SEQUENCE"));
        }
        root.inheritance = strategy;
        root.isAbstract = random.nextInt(3) == 0;
        root.annotations.add("@Inheritance(strategy = InheritanceType." + strategy + ")");
        if (!strategy.equals("TABLE_PER_CLASS") && random.nextBoolean()) {
            root.annotations.add(random.nextBoolean() ? "@DiscriminatorColumn(name = \"kind\", length = 20)"
                    : "@DiscriminatorColumn(name = \"kind_no\", discriminatorType = DiscriminatorType.INTEGER)");
        }
        boolean integer = root.annotations.stream().anyMatch(a -> a.contains("INTEGER"));
        int children = 1 + random.nextInt(2);
        for (int i = 0; i < children; i++) {
            Entity child = new Entity(root.name + "Sub" + i);
            child.parent = root.name;
            child.keyType = root.keyType;
            if (strategy.equals("JOINED") && !composite(root) && random.nextBoolean()) {
                child.annotations.add("@PrimaryKeyJoinColumn(name = \"" + child.name.toLowerCase() + "_key\")");
            }
            if (integer) {
                child.annotations.add("@DiscriminatorValue(\"" + (i + 1) + "\")");
            } else if (random.nextBoolean() && !strategy.equals("TABLE_PER_CLASS")) {
                child.annotations.add("@DiscriminatorValue(\"S" + i + "\")");
            }
            entities.add(child);
        }
        if (integer) {
            root.annotations.add("@DiscriminatorValue(\"0\")");
        }
    }

    private void table(Entity e) {
        boolean single = e.parent != null && isSingleTableChild(e);
        if (single || random.nextInt(3) != 0) {
            return;
        }
        String table = "tbl_" + e.name.toLowerCase();
        var parts = new ArrayList<String>();
        parts.add("name = \"" + table + "\"");
        if (random.nextInt(4) == 0) {
            e.columns.add("c_a" + e.name.toLowerCase());
            e.columns.add("c_b" + e.name.toLowerCase());
            e.body.add("@Column(name = \"c_a" + e.name.toLowerCase() + "\") private String alpha" + e.name + ";");
            e.body.add("@Column(name = \"c_b" + e.name.toLowerCase() + "\", nullable = false) private int beta" + e.name + ";");
            String cols = "c_a" + e.name.toLowerCase() + ", c_b" + e.name.toLowerCase();
            if (random.nextBoolean()) {
                parts.add("indexes = @Index(" + (random.nextBoolean() ? "name = \"ix_" + table + "\", " : "")
                        + "columnList = \"" + cols.replace(", c_b", " desc, c_b") + "\")");
            } else {
                parts.add("uniqueConstraints = @UniqueConstraint(" + (random.nextBoolean() ? "name = \"uk_" + table + "\", " : "")
                        + "columnNames = {\"c_a" + e.name.toLowerCase() + "\", \"c_b" + e.name.toLowerCase() + "\"})");
            }
        }
        if (random.nextInt(4) == 0) {
            parts.add("schema = \"crm\"");
        }
        e.annotations.add("@Table(" + String.join(", ", parts) + ")");
        if (e.parent == null && e.inheritance == null && random.nextInt(3) == 0) {
            String secondary = "sec_" + e.name.toLowerCase();
            e.annotations.add("@SecondaryTable(name = \"" + secondary + "\")");
            e.body.add("@Column(table = \"" + secondary + "\", length = 500) private String notes" + e.name + ";");
            e.body.add("@Column(table = \"" + secondary + "\") private Integer rank" + e.name + ";");
        }
        if (random.nextInt(4) == 0) {
            e.annotations.add("@org.hibernate.annotations.Check(constraints = \"1 = 1\")");
        }
    }

    private boolean isSingleTableChild(Entity e) {
        Entity root = entities.stream().filter(x -> x.name.equals(e.parent)).findFirst().orElse(null);
        return root != null && "SINGLE_TABLE".equals(root.inheritance);
    }

    private void basic(Entity e) {
        String field = "f" + (names++);
        boolean single = e.parent != null && isSingleTableChild(e);
        switch (random.nextInt(24)) {
            case 0 -> e.body.add(column(single, "length = " + pick("40", "255", "1000", "Limits.NAME", "Limits.CODE * 2")) + "private String " + field + ";");
            case 1 -> e.body.add(column(single, null) + "private " + pick("int", "long", "boolean", "double", "short") + " " + field + ";");
            case 2 -> e.body.add(column(single, null) + "private " + pick("Integer", "Long", "Boolean", "Double", "Float", "Short", "Byte") + " " + field + ";");
            case 3 -> e.body.add(column(single, pick("precision = 12, scale = 2", "precision = 19, scale = 4", null)) + "private java.math.BigDecimal " + field + ";");
            case 4 -> e.body.add(column(single, null) + "private java.time." + pick("LocalDate", "LocalDateTime", "Instant", "OffsetDateTime", "LocalTime", "ZonedDateTime") + " " + field + ";");
            case 5 -> e.body.add("@Enumerated(EnumType." + pick("STRING", "ORDINAL") + ") " + column(single, null) + "private Status " + field + ";");
            case 6 -> e.body.add(column(single, null) + "private Status " + field + ";");
            case 7 -> e.body.add("@Lob " + column(single, null) + "private " + pick("String", "byte[]") + " " + field + ";");
            case 8 -> e.body.add(column(single, null) + "private java.util.UUID " + field + ";");
            case 9 -> e.body.add("@Transient private String " + field + ";");
            case 10 -> e.body.add("@Column(name = \"" + (snake ? "Col" : "col_") + field + "\"" + (random.nextBoolean() ? ", unique = true" : "") + ") private String " + field + ";");
            case 11 -> e.body.add("@Temporal(TemporalType." + pick("DATE", "TIMESTAMP", "TIME") + ") private java.util.Date " + field + ";");
            case 12 -> e.body.add(column(single, null) + "private byte[] " + field + ";");
            case 13 -> e.body.add("@Column(columnDefinition = \"" + pick("text", "jsonb", "varchar(64)") + "\") private String " + field + ";");
            case 14 -> e.body.add("@Basic(optional = false) private String " + field + ";");
            case 15 -> e.body.add(column(single, null) + "private char " + field + ";");
            case 16 -> e.body.add(column(single, null) + "private " + pick("java.time.Duration", "java.time.Year", "java.math.BigInteger",
                    "Character", "java.util.Locale", "java.util.Currency", "java.time.ZoneId", "java.net.URL") + " " + field + ";");
            case 17 -> e.body.add(column(single, null) + "private " + pick("java.util.List<String>", "int[]", "String[]") + " " + field + ";");
            case 18 -> e.body.add("@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) private java.util.Map<String, Object> "
                    + field + ";");
            case 19 -> e.body.add("@Convert(converter = org.hibernate.type." + pick("YesNoConverter", "TrueFalseConverter", "NumericBooleanConverter")
                    + ".class) " + column(single, null) + "private Boolean " + field + ";");
            case 20 -> e.body.add("@org.hibernate.annotations.ColumnDefault(\"0\") " + column(single, null) + "private Integer " + field + ";");
            case 21 -> e.body.add("@org.hibernate.annotations.Comment(\"the " + field + "\") " + column(single, null) + "private String " + field + ";");
            default -> {
                if (!beanValidation) {
                    e.body.add(column(single, null) + "private String " + field + ";");
                    return;
                }
                e.body.add(pick("@jakarta.validation.constraints.NotNull ", "@jakarta.validation.constraints.Size(max = 30) ",
                        "@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(min = 2, max = 60) ", "")
                        + "private String " + field + ";");
                e.body.add(pick("@jakarta.validation.constraints.Min(1) ", "@jakarta.validation.constraints.Max(99) ",
                        "@jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(10) ", "@jakarta.validation.constraints.Positive ",
                        "@jakarta.validation.constraints.NotNull ") + "private Integer " + field + "n;");
                e.body.add(pick("@jakarta.validation.constraints.Digits(integer = 8, fraction = 3) ", "@jakarta.validation.constraints.DecimalMin(\"0.5\") ", "")
                        + "private java.math.BigDecimal " + field + "d;");
            }
        }
    }

    /** A {@code @Column} with random nullability and uniqueness and {@code extra}; none in a single-table subclass. */
    private String column(boolean single, String extra) {
        var parts = new ArrayList<String>();
        if (!single && random.nextInt(4) == 0) {
            parts.add("nullable = false");
        }
        if (random.nextInt(8) == 0) {
            parts.add("unique = true");
        }
        if (extra != null && random.nextBoolean()) {
            parts.add(extra);
        }
        return parts.isEmpty() ? "" : "@Column(" + String.join(", ", parts) + ") ";
    }

    private void embeddable() {
        files.put("Address", """
                package rnd;

                import jakarta.persistence.*;

                @Embeddable
                public class Address {
                    private String street;

                    @Column(length = 80)
                    private String city;

                    @Column(name = "zip_code", length = 10)
                    private String zip;

                    @Embedded
                    private Geo geo;
                }
                """);
        files.put("Geo", random.nextBoolean()
                ? "package rnd;\n\nimport jakarta.persistence.*;\n\n@Embeddable\npublic record Geo(Double lat, Double lon) {}\n"
                : "package rnd;\n\nimport jakarta.persistence.*;\n\n@Embeddable\npublic class Geo {\n    private double lat;\n    @Column(precision = 9, scale = 6)\n    private java.math.BigDecimal lon;\n}\n");
    }

    private void embedded(Entity e) {
        String field = "addr" + (names++);
        boolean alone = e.parent == null && e.inheritance == null && e.body.stream().noneMatch(b -> b.contains("private Address"));
        if (alone && random.nextBoolean()) {
            e.body.add("@Embedded private Address " + field + ";");
        } else {
            e.body.add("@Embedded @AttributeOverrides({@AttributeOverride(name = \"street\", column = @Column(name = \"" + field
                    + "_street\")), @AttributeOverride(name = \"city\", column = @Column(name = \"" + field + "_city\", length = 40)),"
                    + " @AttributeOverride(name = \"zip\", column = @Column(name = \"" + field + "_zip\")),"
                    + " @AttributeOverride(name = \"geo.lat\", column = @Column(name = \"" + field + "_lat\")),"
                    + " @AttributeOverride(name = \"geo.lon\", column = @Column(name = \"" + field + "_lon\"))}) private Address " + field + ";");
        }
    }

    private void relation(Entity e) {
        Entity target = entities.get(random.nextInt(entities.size()));
        String field = "r" + (names++);
        boolean single = e.parent != null && isSingleTableChild(e);
        boolean composite = composite(target);
        switch (random.nextInt(10)) {
            case 0 -> e.body.add((random.nextInt(4) == 0 ? "@org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE) " : "")
                    + "@ManyToOne" + (random.nextBoolean() && !single ? "(optional = false)" : "")
                    + (!composite && random.nextBoolean() ? " @JoinColumn(name = \"" + field + "_ref\")" : "")
                    + " private " + target.name + " " + field + ";");
            case 1 -> e.body.add("@OneToOne" + (!composite && random.nextBoolean() ? " @JoinColumn(name = \"" + field + "_one\")" : "")
                    + " private " + target.name + " " + field + ";");
            case 2 -> e.body.add("@ManyToMany" + (random.nextBoolean() ? " @JoinTable(name = \"jt_" + field + "\")" : "")
                    + " private java.util.Set<" + target.name + "> " + field + ";");
            case 3 -> e.body.add("@OneToMany" + (!composite(e) && random.nextBoolean() ? " @JoinColumn(name = \"" + field + "_owner\")" : "")
                    + " private java.util.List<" + target.name + "> " + field + ";");
            case 4 -> {
                if (target == e || target.parent != null) {
                    return;
                }
                String back = "back" + (names++);
                target.body.add("@ManyToOne private " + e.name + " " + back + ";");
                e.body.add("@OneToMany(mappedBy = \"" + back + "\") private java.util.Set<" + target.name + "> " + field + ";");
            }
            case 5 -> e.body.add("@ManyToOne" + (composite ? "" : " @JoinColumn(name = \"" + field + "_nofk\","
                    + " foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))")
                    + " private " + target.name + " " + field + ";");
            case 6 -> e.body.add("@ManyToMany @OrderColumn private java.util.List<" + target.name + "> " + field + ";");
            case 7 -> {
                if (target == e) {
                    return;
                }
                String back = "inv" + (names++);
                e.body.add("@OneToOne private " + target.name + " " + field + ";");
                target.body.add("@OneToOne(mappedBy = \"" + field + "\") private " + e.name + " " + back + ";");
            }
            case 8 -> e.body.add("@ManyToMany @MapKeyColumn(name = \"slot\") private java.util.Map<String, " + target.name + "> " + field + ";");
            default -> e.body.add("@OneToMany @JoinTable(name = \"jt_" + field + "\") @OrderColumn(name = \"pos\") private java.util.List<"
                    + target.name + "> " + field + ";");
        }
    }

    private static boolean composite(Entity e) {
        return e.keyType.endsWith("Key") || e.keyType.endsWith("Pk");
    }

    private void elementCollection(Entity e) {
        String field = "c" + (names++);
        switch (random.nextInt(5)) {
            case 0 -> e.body.add("@ElementCollection private java.util.Set<String> " + field + ";");
            case 1 -> e.body.add("@ElementCollection @CollectionTable(name = \"ct_" + field + "\") @Column(name = \"val\", length = 30)"
                    + " private java.util.List<Integer> " + field + ";");
            case 2 -> e.body.add("@ElementCollection @OrderColumn private java.util.List<Address> " + field + ";");
            case 3 -> e.body.add("@ElementCollection @Enumerated(EnumType.STRING) private java.util.Set<Status> " + field + ";");
            default -> e.body.add("@ElementCollection @MapKeyColumn(name = \"k\") @Column(name = \"v\") private java.util.Map<String, Integer> " + field + ";");
        }
    }

    private String source(Entity e) {
        var sb = new StringBuilder("package rnd;\n\nimport jakarta.persistence.*;\n\n@Entity\n");
        e.annotations.forEach(a -> sb.append(a).append('\n'));
        sb.append(e.isAbstract ? "public abstract class " : "public class ").append(e.name).append(e.parent == null ? "" : " extends " + e.parent).append(" {\n");
        boolean standalone = e.parent == null && e.inheritance == null && entities.stream().noneMatch(x -> e.name.equals(x.parent));
        // an embeddable takes its owner's access: Address and the key classes have fields only, so their owners keep field access
        boolean embeds = e.body.stream().anyMatch(l -> l.contains("Address") || l.contains("@EmbeddedId"))
                || e.annotations.stream().anyMatch(a -> a.contains("IdClass"));
        boolean property = standalone && !embeds && random.nextInt(4) == 0;
        for (String line : e.body) {
            var m = java.util.regex.Pattern.compile("^(.*?)private (.+) (\\w+);$").matcher(line);
            if (property && m.matches()) {
                // property access: the mapping annotations on the getter, the field bare
                String type = m.group(2);
                String name = m.group(3);
                String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                sb.append("    private ").append(type).append(' ').append(name).append(";\n\n");
                sb.append("    ").append(m.group(1)).append("public ").append(type).append(" get").append(cap)
                        .append("() { return ").append(name).append("; }\n\n");
                sb.append("    public void set").append(cap).append('(').append(type).append(" value) { this.").append(name)
                        .append(" = value; }\n\n");
            } else {
                sb.append("    ").append(line).append("\n\n");
            }
        }
        return sb.append("}\n").toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
