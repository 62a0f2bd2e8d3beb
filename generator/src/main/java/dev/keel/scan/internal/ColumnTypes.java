package dev.keel.scan.internal;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL type of a single-column attribute, and the checks Hibernate adds with it: basic Java types,
 * enums ({@code @Enumerated}: ordinal as {@code smallint} with a {@code between} check, string as
 * {@code varchar} with an {@code in} check), {@code @Lob}, {@code @Temporal}, {@code @Convert} and
 * auto-applied converters, {@code @JdbcTypeCode} and {@code @JdbcType} ({@link JdbcTypes}, over the converter's
 * database type when both are written), {@code @Type} ({@link UserTypes}), basic arrays and collections, and
 * columnDefinition.
 */
public final class ColumnTypes {
    /** A column type with the checks that come with it. */
    public record Typed(SqlType type, List<String> checks) {}

    private static final String ATTRIBUTE_CONVERTER = "jakarta.persistence.AttributeConverter";

    private final ScanContext ctx;
    private final UserTypes userTypes;
    private final Map<String, String> autoApplied = new HashMap<>();

    public ColumnTypes(ScanContext ctx) {
        this.ctx = ctx;
        this.userTypes = new UserTypes(ctx);
        for (TypeInfo t : ctx.index().types()) {
            ctx.annotation(t, JpaNames.CONVERTER).filter(a -> a.bool("autoApply", false))
                    .flatMap(a -> converterTypes(t)).ifPresent(types -> autoApplied.put(types.get(0).name(), t.fqn()));
        }
    }

    /**
     * The type of attribute {@code a} whose value type is {@code valueType} (the element type for a
     * collection element), in column {@code column} shaped by {@code shape}.
     */
    public Typed resolve(Attribute a, TypeRef valueType, Ident column, ColumnShape shape) {
        Typed typed = javaType(a, valueType, column, shape);
        return shape.columnDefinition() == null ? typed
                : new Typed(typed.type().withDdl(shape.columnDefinition()), typed.checks());
    }

    private Typed javaType(Attribute a, TypeRef valueType, Ident column, ColumnShape shape) {
        Optional<AnnotationView> userType = a.ann(JpaNames.TYPE);
        if (userType.isPresent()) {
            return userTypes.typed(a, valueType, userType.get(), column, shape);
        }
        String converter = convert(a).filter(c -> !c.bool("disableConversion", false))
                .map(c -> c.classRef("converter")).orElse(null);
        if (converter == null && !convert(a).map(c -> c.bool("disableConversion", false)).orElse(false)) {
            converter = autoApplied.get(valueType.name());
        }
        Optional<String> code = jdbcCode(a);
        if (code.isPresent()) {
            boolean readConverter = converter != null && (ctx.index().type(converter).isPresent()
                    || ctx.classPath().type(converter).isPresent() || JdbcTypes.dependsOnJavaType(code.get()));
            TypeRef stored = readConverter ? converterTypes(a, converter).get(1) : valueType;
            Optional<List<String>> constants = converter == null && valueType.arrayDepth() == 0
                    ? ctx.enumConstants(valueType.name()) : Optional.empty();
            if ((code.get().equals("NAMED_ENUM") || code.get().equals("NAMED_ORDINAL_ENUM")) && constants.isPresent()) {
                // a PostgreSQL enum type of the enum's constants (NamedEnums)
                return new Typed(ctx.namedEnums().column(a, code.get(), valueType, constants.get()), List.of());
            }
            if (code.get().equals("ARRAY") && converter == null && isBasicArray(valueType)) {
                // what Hibernate writes for a basic array or collection without the code: an array of its element
                return new Typed(basicOrArray(a, valueType, shape), List.of());
            }
            JdbcTypes.Mapped mapped = JdbcTypes.map(code.get(), stored, constants, shape, column, a);
            return new Typed(mapped.type(), mapped.checks());
        }
        if (converter != null) {
            Optional<Typed> own = BooleanConverters.typed(converter, column);
            if (own.isPresent()) {
                return own.get();
            }
            if (a.has(JpaNames.LOB)) {
                // Hibernate asks the converter's database type for its JDBC type with the LOB indicator set:
                // a String or byte[] becomes a CLOB or BLOB (oid), any other type keeps its own
                TypeRef stored = converterTypes(a, converter).get(1);
                if (isLobType(stored)) {
                    return new Typed(lob(a, stored), List.of());
                }
            }
            return new Typed(converted(a, converter, shape), List.of());
        }
        if (a.has(JpaNames.LOB)) {
            return new Typed(lob(a, valueType), List.of());
        }
        Optional<List<String>> constants = ctx.enumConstants(valueType.name());
        if (valueType.arrayDepth() == 0 && constants.isPresent()) {
            return enumType(a, constants.get(), column, shape);
        }
        Optional<AnnotationView> temporal = a.ann(JpaNames.TEMPORAL);
        if (temporal.isPresent()) {
            return new Typed(timePrecision(a, temporal(temporal.get())), List.of());
        }
        return new Typed(basicOrArray(a, valueType, shape), List.of());
    }

    /** The JDBC type code {@code @JdbcTypeCode} or {@code @JdbcType} chooses, if any. */
    private static Optional<String> jdbcCode(Attribute a) {
        Optional<AnnotationView> code = a.ann(JpaNames.JDBC_TYPE_CODE);
        if (code.isPresent()) {
            Object v = code.get().value("value").orElse(null);
            return Optional.of(JdbcTypes.codeName(v).orElseThrow(() -> new MappingProblem(code.get().node(),
                    "@JdbcTypeCode(" + v + ") on field " + a.name() + " is not a JDBC type code keel knows",
                    "write the code as a SqlTypes constant (SqlTypes.JSON)")));
        }
        return a.ann(JpaNames.JDBC_TYPE).map(t -> t.classNames("value")).filter(l -> !l.isEmpty())
                .map(l -> JdbcTypes.jdbcTypeClass(l.get(0), a));
    }

    /** A basic type shaped by the column: floating types through {@link FloatingPoint}, the others by {@link BasicTypes}. */
    private static SqlType shaped(Attribute a, BasicTypes.Basic basic, ColumnShape shape) {
        if (basic.shape() == BasicTypes.Shape.FLOATING) {
            return FloatingPoint.type(a, shape, BasicTypes.defaultBits(basic));
        }
        return BasicTypes.shape(basic, shape.length(), shape.precision(), shape.scale());
    }

    /**
     * A time of day as the project's Hibernate writes it: {@code time(6)} under 6.6, {@code time(0)} under 7
     * ({@link HibernateRule#TIME_WITHOUT_FRACTIONS}); any other type as it is.
     */
    private SqlType timePrecision(Attribute a, SqlType type) {
        java.util.regex.Matcher m = FRACTIONS.matcher(type.ddl());
        if (!m.matches()) {
            return type;
        }
        Optional<Long> written = fractionalSeconds(a);
        String digits = written.map(String::valueOf).orElse(
                m.group(1).equals("time") && ctx.has(HibernateRule.TIME_WITHOUT_FRACTIONS) ? "0" : m.group(2));
        return SqlType.fixed(m.group(1) + "(" + digits + ")" + m.group(3), type.size());
    }

    private static final java.util.regex.Pattern FRACTIONS = java.util.regex.Pattern.compile("(time|timestamp)\\((\\d+)\\)(.*)");

    /**
     * The digits of fractional seconds the attribute asks for: Hibernate's {@code @FractionalSeconds(n)}, else JPA 3.2's
     * {@code @Column(secondPrecision = n)} (Hibernate 7; -1, the default, says nothing).
     */
    private static Optional<Long> fractionalSeconds(Attribute a) {
        Optional<AnnotationView> fractional = a.ann(JpaNames.FRACTIONAL_SECONDS);
        if (fractional.isPresent()) {
            return Optional.of(fractional.get().integer("value", 6));
        }
        return a.ann(JpaNames.COLUMN).map(c -> c.integer("secondPrecision", -1)).filter(n -> n >= 0);
    }

    /** Whether {@code type} is an array or a collection of a basic type, which Hibernate stores as an SQL array. */
    private static boolean isBasicArray(TypeRef type) {
        TypeRef element = type.arrayDepth() > 0 ? type.component()
                : type.isCollection() && type.args().size() == 1 ? type.args().get(0) : null;
        return element != null && element.arrayDepth() == 0 && BasicTypes.of(element).isPresent()
                && !(type.arrayDepth() == 1 && (element.isPrimitive() && element.name().equals("byte")
                || element.name().equals("char")));
    }

    /** A basic type, an array of one, or a collection of one without {@code @ElementCollection}. */
    SqlType basicOrArray(Attribute a, TypeRef type, ColumnShape shape) {
        Optional<BasicTypes.Basic> basic = BasicTypes.of(type);
        if (basic.isPresent()) {
            return timePrecision(a, shaped(a, basic.get(), shape));
        }
        TypeRef element = type.arrayDepth() > 0 ? type.component()
                : type.isCollection() && type.args().size() == 1 ? type.args().get(0) : null;
        if (element != null) {
            Optional<BasicTypes.Basic> elementBasic = BasicTypes.of(element);
            if (elementBasic.isPresent() && element.arrayDepth() == 0) {
                return timePrecision(a, BasicTypes.shape(elementBasic.get(), 0, 0, 0)).array();
            }
        }
        if (type.arrayDepth() == 1 && (type.name().equals("java.lang.Byte") || type.name().equals("java.lang.Character"))) {
            throw new MappingProblem(a.node(), "field " + a.name() + " is a " + type + ", which Hibernate 6.6 refuses "
                    + "unless hibernate.type.wrapper_array_handling is set", "use byte[] or char[]");
        }
        String unknown = type.isPrimitive() ? null : unknownType(type);
        if (unknown != null) {
            throw new MappingProblem(a.node(), "field " + a.name() + " has type " + unknown + ", which is neither in the"
                    + " source roots nor on " + ctx.classPath().described(),
                    "put the jar or class folder that declares " + unknown + " on keel's class path: keel.json \"libraries\""
                            + " ([\"../core/target/classes\", \"lib/*.jar\"], or \"@target/classpath.txt\" written by"
                            + " mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt); the Maven plugin"
                            + " passes the compile class path itself. Or add its module's sources to \"sourceRoots\"");
        }
        throw new MappingProblem(a.node(), "field " + a.name() + " has type " + type + ", which keel cannot map to a column",
                "use a basic type (String, numbers, java.time types, UUID, enums...), an @Embeddable, a relation, "
                        + "a @Convert converter, or mark the field @Transient");
    }

    /**
     * The name of {@code type} (or of its element type) when neither the sources nor the class path declare it, and keel
     * does not model its package itself; null when it is known.
     */
    private String unknownType(TypeRef type) {
        TypeRef t = type;
        while (t.arrayDepth() > 0) {
            t = t.component();
        }
        if (t.isCollection() && t.args().size() == 1) {
            t = t.args().get(0);
        }
        if (t.isPrimitive() || ctx.index().type(t.name()).isPresent() || ClassPath.modeledByKeel(t.name())
                || !t.resolved() && !t.name().contains(".") && !Character.isUpperCase(t.name().charAt(0))) {
            return null;
        }
        return ctx.classPath().type(t.name()).isPresent() ? null : t.name();
    }

    private Typed enumType(Attribute a, List<String> constants, Ident column, ColumnShape shape) {
        String kind = a.ann(JpaNames.ENUMERATED).map(e -> e.enumName("value", "ORDINAL")).orElse("ORDINAL");
        if (kind.equals("STRING")) {
            String in = String.join(",", constants.stream().map(c -> "'" + c.replace("'", "''") + "'").toList());
            return new Typed(SqlType.varchar(shape.length() > 0 ? shape.length() : SqlType.DEFAULT_LENGTH),
                    List.of(column.sql() + " in (" + in + ")"));
        }
        return new Typed(SqlType.fixed("smallint", 1), List.of(column.sql() + " between 0 and " + (constants.size() - 1)));
    }

    /** Whether {@code @Lob} makes a value of this type a CLOB or BLOB (Hibernate's {@code oid} on PostgreSQL). */
    private static boolean isLobType(TypeRef type) {
        String t = type.arrayDepth() == 1 ? type.name() + "[]" : type.name();
        return switch (t) {
            case "java.lang.String", "char[]", "byte[]", "java.sql.Clob", "java.sql.Blob" -> type.arrayDepth() <= 1;
            default -> false;
        };
    }

    private SqlType lob(Attribute a, TypeRef type) {
        if (!isLobType(type)) {
            throw new MappingProblem(a.node(), "@Lob on field " + a.name() + " of type " + type
                    + " is not supported", "use @Lob on String or byte[] only");
        }
        return SqlType.fixed("oid", SqlType.UNBOUNDED);
    }

    private static SqlType temporal(AnnotationView temporal) {
        return switch (temporal.enumName("value", "TIMESTAMP")) {
            case "DATE" -> SqlType.fixed("date", 4);
            case "TIME" -> SqlType.fixed("time(6)", 4);
            default -> SqlType.fixed("timestamp(6)", 8);
        };
    }

    private SqlType converted(Attribute a, String converterFqn, ColumnShape shape) {
        TypeRef dbType = converterTypes(a, converterFqn).get(1);
        Optional<BasicTypes.Basic> basic = BasicTypes.of(dbType);
        if (basic.isEmpty()) {
            throw new MappingProblem(a.node(), "converter " + converterFqn + " converts to " + dbType
                    + ", which keel cannot map", "convert to a basic type (String, Integer, Long...)");
        }
        return timePrecision(a, shaped(a, basic.get(), shape));
    }

    /** The {@code X} and {@code Y} of the converter of attribute {@code a}. */
    private List<TypeRef> converterTypes(Attribute a, String converterFqn) {
        if (ctx.index().type(converterFqn).isEmpty() && ctx.classPath().type(converterFqn).isPresent()) {
            return libraryConverterTypes(converterFqn).orElseThrow(() -> new MappingProblem(a.node(),
                    "converter " + converterFqn + " (on the class path) does not implement AttributeConverter<X, Y> with"
                            + " types keel can read from its class file",
                    "map the column with a columnDefinition, or write a converter in the sources"));
        }
        TypeInfo converter = ctx.index().type(converterFqn).orElseThrow(() -> new MappingProblem(a.node(),
                "converter " + converterFqn + " of field " + a.name() + " is neither in the source roots nor on "
                        + ctx.classPath().described(),
                "add the jar or class folder that holds it to keel.json \"libraries\" (the Maven plugin passes the"
                        + " compile class path itself), add its source root to \"sourceRoots\", or map the column"
                        + " with a columnDefinition"));
        return converterTypes(converter).orElseThrow(() -> new MappingProblem(a.node(),
                "converter " + converterFqn + " does not implement AttributeConverter<X, Y> directly",
                "declare \"implements AttributeConverter<EntityType, DatabaseType>\" on the converter class"));
    }

    /** The {@code X} and {@code Y} of a converter's {@code AttributeConverter<X, Y>}. */
    private Optional<List<TypeRef>> converterTypes(TypeInfo converter) {
        if (!(converter.decl() instanceof ClassOrInterfaceDeclaration c)) {
            return Optional.empty();
        }
        for (ClassOrInterfaceType t : c.getImplementedTypes()) {
            if (t.getNameAsString().equals("AttributeConverter") && t.getTypeArguments().map(l -> l.size() == 2).orElse(false)) {
                var args = t.getTypeArguments().get();
                return Optional.of(List.of(ctx.names().typeRef(args.get(0), converter), ctx.names().typeRef(args.get(1), converter)));
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code X} and {@code Y} of a class path converter's {@code AttributeConverter<X, Y>}, from its class file's
     * generic signature or its superclasses' (type variables a superclass binds are substituted).
     */
    private Optional<List<TypeRef>> libraryConverterTypes(String fqn) {
        Map<String, TypeRef> bindings = Map.of();
        String current = fqn;
        for (int depth = 0; current != null && depth < 16; depth++) {
            Optional<LibraryType> t = ctx.classPath().type(current);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            Optional<List<TypeRef>> args = t.get().typeArguments(ATTRIBUTE_CONVERTER);
            if (args.isPresent() && args.get().size() == 2) {
                Map<String, TypeRef> known = bindings;
                var bound = args.get().stream().map(r -> r.substitute(known)).toList();
                return bound.stream().allMatch(TypeRef::resolved) ? Optional.of(bound) : Optional.empty();
            }
            Optional<TypeRef> superRef = Optional.ofNullable(t.get().superclass()).flatMap(s -> superclassRef(t.get(), s));
            if (superRef.isEmpty()) {
                return Optional.empty();
            }
            var next = new java.util.HashMap<String, TypeRef>();
            List<String> variables = ctx.classPath().type(superRef.get().name()).map(LibraryType::typeVariables).orElse(List.of());
            for (int i = 0; i < variables.size() && i < superRef.get().args().size(); i++) {
                next.put(variables.get(i), superRef.get().args().get(i).substitute(bindings));
                // (a variable the subclass leaves open stays unresolved, and the converter is not read)
            }
            bindings = next;
            current = superRef.get().name();
        }
        return Optional.empty();
    }

    /** The superclass of a class path type as its signature writes it, with type arguments. */
    private static Optional<TypeRef> superclassRef(LibraryType t, String superclass) {
        if (t.signature() == null) {
            return Optional.of(TypeRef.of(superclass));
        }
        var parser = new LibraryType.SignatureParser(t.signature());
        parser.skipTypeParameters();
        return Optional.of(parser.fieldType());
    }

    /** Whether the attribute's value is converted to a single column (a converter applies). */
    public boolean isConverted(Attribute a, TypeRef valueType) {
        return convert(a).isPresent() || autoApplied.containsKey(valueType.name());
    }

    /**
     * The {@code @Convert} that applies to the attribute's own value: one without {@code attributeName},
     * or, on a Map, the one for {@code "value"} ({@code "key"} converts the map's key, see {@link MapKeys}).
     */
    static Optional<AnnotationView> convert(Attribute a) {
        return a.annotations().stream().filter(c -> c.fqn().equals(JpaNames.CONVERT))
                .filter(c -> {
                    String target = c.string("attributeName", "");
                    return target.isEmpty() || target.equals("value");
                }).findFirst();
    }
}
