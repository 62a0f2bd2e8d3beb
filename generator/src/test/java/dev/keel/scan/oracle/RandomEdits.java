package dev.keel.scan.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Random edits of a {@link RandomModels} project's entity sources, the way a team changes a codebase between
 * two deploys: add a field (nullable or NOT NULL, of a random type), drop a field, rename a field
 * ({@code @RenamedFrom}) or only its column ({@code @Column(name)}), change a String's length, add or remove
 * {@code unique = true}, add an {@code @Index}, make a field nullable or NOT NULL, widen an int to a long, add an
 * entity with a {@code @ManyToOne} to an existing one, drop an entity that nothing references, add a relation
 * (a many-to-one, a many-to-many, a one-to-many by join table or by join column in the target's table, an element
 * collection) to any entity of any hierarchy, drop a relation that no {@code mappedBy} names, add a field to an
 * embeddable (every table embedding it gains a column) or to a mapped superclass (every table below it does).
 * Every edit leaves a project Hibernate 6.6 starts on. The edits work on the lines {@link RandomModels} writes (one
 * member a line); keys and inheritance strategies stay as generated. The same seed and sources give the same edit.
 */
final class RandomEdits {
    /** A plain basic field: no annotation but a {@code @Column} of simple attributes; group 1 the attributes. */
    private static final Pattern PLAIN = Pattern.compile(
            "^    (?:@Column\\(([^()]*)\\) )?private ([\\w.\\[\\]]+) ([fg]\\d+r?)( = [^;]+)?;$");
    private static final Pattern ANY_FIELD = Pattern.compile("^    .*private [\\w.<>, \\[\\]]+ ([fg]\\d+r?)( = [^;]+)?;$");

    private final Random random;
    private final Path src;
    private int names;

    RandomEdits(long seed, Path project) {
        this.random = new Random(seed * 7919 + 17);
        this.src = project.resolve("src/main/java/rnd");
        this.names = 1000;
    }

    /** Applies one random edit and describes it; tries other kinds while one does not fit the project. */
    String next() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            Optional<String> done = switch (random.nextInt(15)) {
                case 0 -> addField();
                case 1 -> dropField();
                case 2 -> renameField();
                case 3 -> renameColumn();
                case 4 -> stringLength();
                case 5 -> toggleUnique();
                case 6 -> addIndex();
                case 7 -> addEntity();
                case 8 -> dropEntity();
                case 9 -> toggleNullable();
                case 10 -> widenInt();
                case 11 -> addRelation();
                case 12 -> dropRelation();
                case 13 -> addEmbeddableField();
                default -> addSuperclassField();
            };
            if (done.isPresent()) {
                return done.get();
            }
        }
        return addEntity().orElseThrow();
    }

    /** An entity source: its file, class name and lines. */
    private record Source(Path file, String name, List<String> lines) {
        String text() {
            return String.join("\n", lines) + "\n";
        }

        boolean singleTableChild(List<Source> all) {
            Matcher m = Pattern.compile("class \\w+ extends (\\w+)").matcher(text());
            if (!m.find() || m.group(1).equals("Base")) {
                return false;
            }
            String parent = m.group(1);
            // the hierarchy's strategy is on its root; a root without @Inheritance is SINGLE_TABLE
            Source root = all.stream().filter(s -> s.name.equals(parent)).findFirst().orElse(null);
            while (root != null) {
                Matcher up = Pattern.compile("class \\w+ extends (\\w+)").matcher(root.text());
                if (up.find() && !up.group(1).equals("Base")) {
                    String p = up.group(1);
                    root = all.stream().filter(s -> s.name.equals(p)).findFirst().orElse(null);
                    continue;
                }
                return !root.text().contains("InheritanceType.") || root.text().contains("InheritanceType.SINGLE_TABLE");
            }
            return false;
        }

        boolean isSubclass() {
            Matcher m = Pattern.compile("class \\w+ extends (\\w+)").matcher(text());
            return m.find() && !m.group(1).equals("Base");
        }

        void save() {
            try {
                Files.writeString(file, text());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A plain field's line in a source. */
    private record Field(Source source, int line, String attributes, String type, String name, String initializer) {
        List<String> attributeList() {
            var list = new ArrayList<String>();
            if (attributes != null && !attributes.isBlank()) {
                for (String a : attributes.split(",")) {
                    list.add(a.strip());
                }
            }
            return list;
        }

        String column() {
            for (String a : attributeList()) {
                if (a.startsWith("name = ")) {
                    return a.substring("name = ".length()).replace("\"", "");
                }
            }
            return name;
        }

        boolean notNull() {
            return attributeList().contains("nullable = false") || Character.isLowerCase(type.charAt(0)) && !type.contains(".")
                    && !type.equals("byte[]");
        }

        /** Whether an index of the entity's {@code @Table} names this field's column. */
        boolean indexed() {
            return RandomEdits.indexed(source, column());
        }

        void write(List<String> attributes, String type, String name) {
            String prefix = attributes.isEmpty() ? "" : "@Column(" + String.join(", ", attributes) + ") ";
            source.lines.set(line, "    " + prefix + "private " + type + " " + name + (initializer == null ? "" : initializer) + ";");
            source.save();
        }
    }

    private List<Source> sources() throws IOException {
        var result = new ArrayList<Source>();
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                if (text.contains("\n@Entity")) {
                    String name = f.getFileName().toString().replace(".java", "");
                    result.add(new Source(f, name, new ArrayList<>(List.of(text.split("\n", -1)))));
                    // text.split keeps a trailing empty string for the final newline: drop it
                    var lines = result.get(result.size() - 1).lines;
                    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                        lines.remove(lines.size() - 1);
                    }
                }
            }
        }
        return result;
    }

    /** The plain fields of every entity, named in no index, unique constraint or mappedBy. */
    private List<Field> plainFields(List<Source> all) {
        var fields = new ArrayList<Field>();
        for (Source s : all) {
            if (propertyAccess(s)) {
                continue;
            }
            for (int i = 0; i < s.lines.size(); i++) {
                Matcher m = PLAIN.matcher(s.lines.get(i));
                if (m.matches() && (m.group(1) == null || !m.group(1).contains("columnDefinition"))) {
                    fields.add(new Field(s, i, m.group(1), m.group(2), m.group(3), m.group(4)));
                }
            }
        }
        return fields;
    }

    /** Whether RandomModels wrote the entity with property access: its mapping is on the getters, not the fields edited here. */
    private static boolean propertyAccess(Source s) {
        return s.lines.stream().anyMatch(l -> l.contains("public void set"));
    }

    private static String columnOf(String line, String field) {
        Matcher m = Pattern.compile("@Column\\(name = \"([^\"]+)\"").matcher(line);
        return m.find() ? m.group(1) : field;
    }

    private static boolean indexed(Source s, String column) {
        return s.lines.stream().anyMatch(l -> l.startsWith("@Table(") && l.contains("columnList = \"" + column + "\""));
    }

    private <T> Optional<T> any(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(random.nextInt(list.size())));
    }

    private Optional<String> addField() throws IOException {
        List<Source> all = sources();
        Source s = all.get(random.nextInt(all.size()));
        boolean single = s.singleTableChild(all);
        String name = "g" + (names++);
        String[] types = {"String", "Integer", "Long", "int", "boolean", "java.time.LocalDate", "java.math.BigDecimal",
                "java.util.UUID", "long", "Double"};
        String type = types[random.nextInt(types.length)];
        var attributes = new ArrayList<String>();
        if (!single && random.nextInt(3) == 0) {
            attributes.add("nullable = false");
        }
        if (type.equals("String") && random.nextBoolean()) {
            attributes.add("length = " + (20 + random.nextInt(200)));
        }
        if (type.equals("java.math.BigDecimal")) {
            attributes.add("precision = 12, scale = 2");
        }
        String prefix = attributes.isEmpty() ? "" : "@Column(" + String.join(", ", attributes) + ") ";
        int at = closingBrace(s);
        s.lines.add(at, "");
        s.lines.add(at, "    " + prefix + "private " + type + " " + name + ";");
        s.save();
        return Optional.of("add field " + s.name + "." + name + " " + type + (attributes.isEmpty() ? "" : " " + attributes));
    }

    private static int closingBrace(Source s) {
        for (int i = s.lines.size() - 1; i >= 0; i--) {
            if (s.lines.get(i).equals("}")) {
                return i;
            }
        }
        throw new IllegalStateException(s.file + ": no closing brace");
    }

    private Optional<String> dropField() throws IOException {
        List<Source> all = sources();
        var fields = new ArrayList<Field>();
        for (Source s : all) {
            if (propertyAccess(s)) {
                continue;
            }
            for (int i = 0; i < s.lines.size(); i++) {
                Matcher m = ANY_FIELD.matcher(s.lines.get(i));
                if (m.matches() && !s.lines.get(i).contains("@Id") && !indexed(s, columnOf(s.lines.get(i), m.group(1)))) {
                    fields.add(new Field(s, i, null, null, m.group(1), null));
                }
            }
        }
        return any(fields).map(f -> {
            f.source.lines.remove(f.line);
            if (f.line < f.source.lines.size() && f.source.lines.get(f.line).isEmpty()) {
                f.source.lines.remove(f.line);
            }
            f.source.save();
            return "drop field " + f.source.name + "." + f.name;
        });
    }

    private Optional<String> renameField() throws IOException {
        return any(plainFields(sources()).stream().filter(f -> !f.name.endsWith("r") && !f.indexed()).toList()).map(f -> {
            String line = f.source.lines.get(f.line);
            f.source.lines.set(f.line, ("    @dev.keel.annotations.RenamedFrom(\"" + f.name + "\") " + line.substring(4))
                    .replace(" " + f.name + ";", " " + f.name + "r;").replace(" " + f.name + " = ", " " + f.name + "r = "));
            f.source.save();
            return "rename field " + f.source.name + "." + f.name + " to " + f.name + "r";
        });
    }

    private Optional<String> renameColumn() throws IOException {
        return any(plainFields(sources()).stream().filter(f -> !f.indexed()).toList()).map(f -> {
            String old = f.column();
            String column = "col" + (names++);
            var attributes = new ArrayList<>(f.attributeList().stream().filter(a -> !a.startsWith("name = ")).toList());
            attributes.add(0, "name = \"" + column + "\"");
            f.write(attributes, f.type, f.name);
            return "rename column " + f.source.name + "." + f.name + " " + old + " to " + column;
        });
    }

    private Optional<String> stringLength() throws IOException {
        return any(plainFields(sources()).stream().filter(f -> f.type.equals("String")).toList()).map(f -> {
            var attributes = new ArrayList<>(f.attributeList().stream().filter(a -> !a.startsWith("length = ")).toList());
            int length = 10 + random.nextInt(400);
            attributes.add("length = " + length);
            f.write(attributes, f.type, f.name);
            return "length of " + f.source.name + "." + f.name + " to " + length;
        });
    }

    private Optional<String> toggleUnique() throws IOException {
        // no unique key on a boolean, a char (RandomRows writes 'x'), bytes, an enum or an array: their rows repeat values
        return any(plainFields(sources()).stream().filter(f -> !Set.of("boolean", "Boolean", "char", "Character", "byte[]", "Status").contains(f.type)
                        && !f.type.endsWith("[]") && !f.type.startsWith("java.util.List"))
                .toList()).map(f -> {
            var attributes = new ArrayList<>(f.attributeList());
            boolean unique = attributes.remove("unique = true");
            if (!unique) {
                attributes.add("unique = true");
            }
            f.write(attributes, f.type, f.name);
            return (unique ? "remove unique from " : "add unique to ") + f.source.name + "." + f.name;
        });
    }

    private Optional<String> toggleNullable() throws IOException {
        List<Source> all = sources();
        return any(plainFields(all).stream().filter(f -> !f.source.singleTableChild(all))
                .filter(f -> !Character.isLowerCase(f.type.charAt(0)) || f.type.contains(".")).toList()).map(f -> {
            var attributes = new ArrayList<>(f.attributeList());
            boolean notNull = attributes.remove("nullable = false");
            if (!notNull) {
                attributes.add("nullable = false");
            }
            f.write(attributes, f.type, f.name);
            return (notNull ? "make nullable " : "make NOT NULL ") + f.source.name + "." + f.name;
        });
    }

    private Optional<String> widenInt() throws IOException {
        return any(plainFields(sources()).stream().filter(f -> f.type.equals("int") || f.type.equals("Integer")
                || f.type.equals("short") || f.type.equals("Short")).toList()).map(f -> {
            String wider = Character.isLowerCase(f.type.charAt(0)) ? "long" : "Long";
            f.write(f.attributeList(), wider, f.name);
            return "widen " + f.source.name + "." + f.name + " " + f.type + " to " + wider;
        });
    }

    private Optional<String> addIndex() throws IOException {
        List<Source> all = sources();
        return any(plainFields(all).stream().filter(f -> !f.source.singleTableChild(all))
                .filter(f -> f.source.lines.stream().noneMatch(l -> l.startsWith("@Table(") && l.contains("indexes"))).toList())
                .map(f -> {
                    String index = "@Index(" + (random.nextBoolean() ? "name = \"ix_" + (names++) + "\", " : "")
                            + "columnList = \"" + f.column() + "\")";
                    Source s = f.source;
                    int table = -1;
                    for (int i = 0; i < s.lines.size(); i++) {
                        if (s.lines.get(i).startsWith("@Table(")) {
                            table = i;
                        }
                    }
                    if (table >= 0) {
                        String line = s.lines.get(table);
                        s.lines.set(table, line.substring(0, line.length() - 1) + ", indexes = " + index + ")");
                    } else {
                        s.lines.add(s.lines.indexOf("@Entity") + 1, "@Table(indexes = " + index + ")");
                    }
                    s.save();
                    return "add index on " + s.name + "(" + f.column() + ")";
                });
    }

    private Optional<String> addEntity() throws IOException {
        List<Source> all = sources();
        Source target = all.get(random.nextInt(all.size()));
        String name = "N" + (names++);
        boolean optional = random.nextBoolean();
        String key = random.nextBoolean() ? "@Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;"
                : "@Id @GeneratedValue private Long id;";
        Files.writeString(src.resolve(name + ".java"), """
                package rnd;

                import jakarta.persistence.*;

                @Entity
                public class %1$s {
                    %2$s

                    @Column(length = 60)
                    private String label;

                    @ManyToOne%3$s
                    private %4$s owner;
                }
                """.formatted(name, key, optional ? "" : "(optional = false)", target.name));
        return Optional.of("add entity " + name + " with a many-to-one to " + target.name);
    }

    private Optional<String> dropEntity() throws IOException {
        List<Source> all = sources();
        var candidates = new ArrayList<Source>();
        for (Source s : all) {
            Pattern word = Pattern.compile("\\b" + s.name + "\\b");
            boolean referenced = false;
            try (Stream<Path> files = Files.list(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (!f.equals(s.file) && word.matcher(Files.readString(f)).find()) {
                        referenced = true;
                    }
                }
            }
            if (!referenced) {
                candidates.add(s);
            }
        }
        if (all.size() <= 2) {
            return Optional.empty(); // a project keeps a few entities
        }
        return any(candidates).map(s -> {
            try {
                Files.delete(s.file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "drop entity " + s.name;
        });
    }

    /** A relation line: group 1 the kind, group 2 the field's name. */
    private static final Pattern RELATION = Pattern.compile(
            "^    @(ManyToOne|OneToOne|ManyToMany|OneToMany|ElementCollection)\\b.*private [\\w.<>, ]+ ([rc]\\d+);$");

    private Optional<String> addRelation() throws IOException {
        List<Source> all = sources();
        List<Source> owners = all.stream().filter(s -> !propertyAccess(s)).toList();
        if (owners.isEmpty()) {
            return Optional.empty();
        }
        Source s = owners.get(random.nextInt(owners.size()));
        Source t = all.get(random.nextInt(all.size()));
        String name = "r" + (names++);
        String line;
        String what;
        int kind = random.nextInt(5);
        String targetText = withParents(t);
        if (kind == 3 && (targetText.contains("@IdClass") || targetText.contains("@EmbeddedId") || targetText.contains("@MapsId"))) {
            kind = 2; // one named join column cannot hold a key of several columns
        }
        switch (kind) {
            case 0 -> {
                line = "@ManyToOne private " + t.name + " " + name + ";";
                what = "many-to-one " + s.name + "." + name + " to " + t.name;
            }
            case 1 -> {
                line = "@ManyToMany private java.util.Set<" + t.name + "> " + name + ";";
                what = "many-to-many " + s.name + "." + name + " to " + t.name;
            }
            case 2 -> {
                line = "@OneToMany private java.util.List<" + t.name + "> " + name + ";";
                what = "one-to-many by join table " + s.name + "." + name + " to " + t.name;
            }
            case 3 -> {
                line = "@OneToMany @JoinColumn(name = \"" + name + "_owner\") private java.util.Set<" + t.name + "> " + name + ";";
                what = "one-to-many by join column " + s.name + "." + name + " to " + t.name;
            }
            default -> {
                name = "c" + (names++);
                line = "@ElementCollection private java.util.Set<String> " + name + ";";
                what = "element collection " + s.name + "." + name;
            }
        }
        int at = closingBrace(s);
        s.lines.add(at, "");
        s.lines.add(at, "    " + line);
        s.save();
        return Optional.of("add " + what);
    }

    private Optional<String> dropRelation() throws IOException {
        List<Source> all = sources();
        String everything = all.stream().map(Source::text).collect(java.util.stream.Collectors.joining("\n"));
        var candidates = new ArrayList<Field>();
        for (Source s : all) {
            if (propertyAccess(s)) {
                continue;
            }
            for (int i = 0; i < s.lines.size(); i++) {
                String line = s.lines.get(i);
                Matcher m = RELATION.matcher(line);
                if (m.matches() && !line.contains("@MapsId") && !line.contains("mappedBy") && !line.contains("@Id")
                        && !everything.contains("mappedBy = \"" + m.group(2) + "\"") && !indexed(s, m.group(2) + "_id")) {
                    candidates.add(new Field(s, i, null, m.group(1), m.group(2), null));
                }
            }
        }
        return any(candidates).map(f -> {
            f.source.lines.remove(f.line);
            if (f.line < f.source.lines.size() && f.source.lines.get(f.line).isEmpty()) {
                f.source.lines.remove(f.line);
            }
            f.source.save();
            return "drop " + f.type + " " + f.source.name + "." + f.name;
        });
    }

    /** A class of the project by name, or null. */
    private Source source(String name) throws IOException {
        Path file = src.resolve(name + ".java");
        if (!Files.exists(file)) {
            return null;
        }
        var lines = new ArrayList<>(List.of(Files.readString(file).split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new Source(file, name, lines);
    }

    /**
     * A field added to a class embeddable (not a record), used at most once in each entity (directly or through an
     * embeddable holding it) and never as a key: a second use would need an override of the new column's name.
     */
    private Optional<String> addEmbeddableField() throws IOException {
        List<Source> all = sources();
        var embeddables = new ArrayList<Source>();
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                if (text.contains("\n@Embeddable\npublic class ")) {
                    embeddables.add(source(f.getFileName().toString().replace(".java", "")));
                }
            }
        }
        var fit = new ArrayList<Source>();
        for (Source e : embeddables) {
            boolean once = true;
            for (Source s : all) {
                String withParents = withParents(s);
                once &= uses(e.name, withParents, embeddables) <= 1 && !withParents.contains("@EmbeddedId private " + e.name)
                        && !withParents.contains("IdClass(" + e.name + ".class)");
            }
            if (once) {
                fit.add(e);
            }
        }
        return any(fit).map(e -> {
            String name = "e" + (names++);
            String prefix = random.nextBoolean() ? "" : "@Column(length = " + (20 + random.nextInt(100)) + ") ";
            int at = closingBrace(e);
            e.lines.add(at, "    " + prefix + "private String " + name + ";");
            e.save();
            return "add field " + e.name + "." + name + " (embeddable)";
        });
    }

    /** The entity's source and those of the classes above it: the fields its table maps. */
    private String withParents(Source s) throws IOException {
        var text = new StringBuilder(s.text());
        Source at = s;
        for (int depth = 0; depth < 10 && at != null; depth++) {
            Matcher m = Pattern.compile("class \\w+(?:<[^>]*>)? extends (\\w+)").matcher(at.text());
            at = m.find() ? source(m.group(1)) : null;
            if (at != null) {
                text.append('\n').append(at.text());
            }
        }
        return text.toString();
    }

    /** How many fields of {@code text} hold the embeddable {@code name}, directly or through other embeddables. */
    private static int uses(String name, String text, List<Source> embeddables) {
        int count = 0;
        Pattern field = Pattern.compile("(private|public) [\\w.<>, ]*\\b" + name + "\\b[\\w.<>, ]* \\w+[;(]");
        for (String line : text.split("\n")) {
            if (field.matcher(line).find()) {
                count++;
            }
        }
        for (Source holder : embeddables) {
            if (!holder.name.equals(name) && uses(name, holder.text(), List.of()) > 0) {
                count += uses(holder.name, text, embeddables);
            }
        }
        return count;
    }

    /** A field added to a mapped superclass that entities extend: each of their tables gains a column. */
    private Optional<String> addSuperclassField() throws IOException {
        var supers = new ArrayList<Source>();
        for (String name : List.of("Base", "Identified")) {
            Source s = source(name);
            if (s != null) {
                supers.add(s);
            }
        }
        return any(supers).map(s -> {
            String name = "m" + (names++);
            String type = random.nextBoolean() ? "String" : "Integer";
            int at = closingBrace(s);
            s.lines.add(at, "");
            s.lines.add(at, "    private " + type + " " + name + ";");
            s.save();
            return "add field " + s.name + "." + name + " " + type + " (mapped superclass)";
        });
    }

    /** The SQL default a team types at keel's prompt for a NOT NULL column of this type added to a table. */
    static String defaultFor(String type) {
        if (type.startsWith("varchar") || type.equals("text") || type.startsWith("char")) {
            return "''";
        }
        if (type.equals("boolean")) {
            return "false";
        }
        if (type.equals("date")) {
            return "'2020-01-01'";
        }
        if (type.startsWith("timestamp")) {
            return "'2020-01-01 00:00:00'";
        }
        if (type.equals("uuid")) {
            return "'00000000-0000-0000-0000-000000000000'";
        }
        if (type.equals("bytea")) {
            return "''::bytea";
        }
        return "0";
    }
}
