package dev.keel.scan;

import dev.keel.cache.ProjectCache;
import dev.keel.config.KeelConfig;
import dev.keel.project.StateSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cached scan after each kind of edit a developer makes between two checks equals a scan without any cache,
 * and differs from the scan before the edit: an entity edited, added, deleted and renamed; a change in a
 * superclass, in an interface of constants and in an embeddable that other files use; a new file whose name
 * shadows a name another file imports; and an edit that keeps the file's size and modification time (which the
 * metadata that vouches for unchanged files must not miss).
 */
class ScanCacheEditsTest {
    @TempDir
    Path project;

    /** What the last {@link #checked} scan took from the cache (null: it made no scan). */
    private EntityScanner.Reuse reuse;

    private static String json(EntityScanner.Scan scan) {
        return StateSnapshot.toJson(scan.state()) + scan.hints();
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Path file(String path) {
        return project.resolve("src/main/java").resolve(path);
    }

    @Test
    void everyKindOfEditGivesTheScanWithoutCache() throws Exception {
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\","
                + " \"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\", \"migrationsPackage\": \"com.acme.shop.migrations\"}]}");
        write("com/acme/shop/Limits.java", "package com.acme.shop;\npublic interface Limits {\n    int CODE = 20;\n}\n");
        write("com/acme/shop/Sizes.java", "package com.acme.shop;\npublic interface Sizes {\n    int NAME = 40;\n}\n");
        write("com/acme/shop/Base.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class Base {
                    @Column(length = Limits.CODE)
                    private String code;
                }
                """);
        write("com/acme/shop/Address.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Embeddable
                public class Address {
                    private String street;
                }
                """);
        write("com/acme/common/Money.java", """
                package com.acme.common;
                import jakarta.persistence.*;
                @Embeddable
                public class Money {
                    private java.math.BigDecimal amount;
                }
                """);
        write("com/acme/shop/Customer.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                public class Customer extends Base {
                    @Id
                    private Long id;
                    @Column(length = Sizes.NAME)
                    private String name;
                    @Embedded
                    private Address address;
                }
                """);
        write("com/acme/shop/Invoice.java", """
                package com.acme.shop;
                import com.acme.common.*;
                import jakarta.persistence.*;
                @Entity
                public class Invoice {
                    @Id
                    private Long id;
                    @Embedded
                    private Money total;
                }
                """);
        // every file still for longer than the window in which the metadata of a file does not vouch for its hash
        try (var files = Files.walk(project.resolve("src"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        Thread.sleep(2_100);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        var seen = new ArrayList<String>();
        seen.add(checked(config, cache, "before any edit"));

        write("com/acme/shop/Customer.java", Files.readString(file("com/acme/shop/Customer.java"))
                .replace("    private Address address;", "    private Address address;\n    private Integer age;"));
        seen.add(checked(config, cache, "an entity edited"));

        write("com/acme/shop/Base.java", Files.readString(file("com/acme/shop/Base.java"))
                .replace("    private String code;", "    private String code;\n    private Boolean active;"));
        seen.add(checked(config, cache, "its superclass edited"));

        write("com/acme/shop/Limits.java", Files.readString(file("com/acme/shop/Limits.java")).replace("20", "30"));
        seen.add(checked(config, cache, "a constant the superclass uses"));

        write("com/acme/shop/Address.java", Files.readString(file("com/acme/shop/Address.java"))
                .replace("    private String street;", "    private String street;\n    private String city;"));
        seen.add(checked(config, cache, "an embeddable another file uses"));

        write("com/acme/shop/Money.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Embeddable
                public class Money {
                    private Long cents;
                }
                """);
        seen.add(checked(config, cache, "a new class of the same package shadows com.acme.common.Money"));

        write("com/acme/shop/Order.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "orders")
                public class Order {
                    @Id
                    private Long id;
                    @ManyToOne
                    private Customer customer;
                }
                """);
        seen.add(checked(config, cache, "an entity added"));

        Files.delete(file("com/acme/shop/Order.java"));
        assertEquals(seen.get(seen.size() - 2), checked(config, cache, "the entity deleted again"));

        String invoice = Files.readString(file("com/acme/shop/Invoice.java"));
        Files.delete(file("com/acme/shop/Invoice.java"));
        write("com/acme/shop/Bill.java", invoice.replace("class Invoice", "class Bill"));
        seen.add(checked(config, cache, "an entity renamed"));

        // an edit that keeps the size and the modification time of a file the scan has vouched for (Sizes.java is untouched so far)
        Path sizes = file("com/acme/shop/Sizes.java");
        FileTime modified = Files.getLastModifiedTime(sizes);
        Files.writeString(sizes, Files.readString(sizes).replace("40", "50"));
        Files.setLastModifiedTime(sizes, modified);
        seen.add(checked(config, cache, "a constant edited, size and modification time kept"));

        assertEquals(seen.size(), seen.stream().distinct().count(), "every edit changed the scan: " + seen);
    }

    /**
     * A package's generators ({@code package-info.java}) are read by the entities that name them: editing them makes the
     * scan again (equal to the scan without cache), an entity's own edit afterwards still sees them, and a package-info
     * added later serves the entity that names its generator from then on.
     */
    @Test
    void aPackageInfoEditedOrAddedChangesTheScanOfTheEntitiesNamingItsGenerators() throws Exception {
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\","
                + " \"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\", \"migrationsPackage\": \"com.acme.shop.migrations\"}]}");
        write("com/acme/shop/package-info.java", """
                @SequenceGenerator(name = "ids", sequenceName = "shop_ids", allocationSize = 10)
                package com.acme.shop;
                import jakarta.persistence.SequenceGenerator;
                """);
        write("com/acme/shop/Customer.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                public class Customer {
                    @Id @GeneratedValue(generator = "ids")
                    private Long id;
                }
                """);
        write("com/acme/shop/Order.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "orders")
                public class Order {
                    @Id @GeneratedValue(generator = "order_ids")
                    private Long id;
                }
                """);
        write("com/acme/shop/more/Orders.java", """
                package com.acme.shop.more;
                import jakarta.persistence.*;
                @MappedSuperclass
                @SequenceGenerator(name = "order_ids", sequenceName = "class_order_ids")
                public abstract class Orders {
                }
                """);
        try (var files = Files.walk(project.resolve("src"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        Thread.sleep(2_100);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        var seen = new ArrayList<String>();
        seen.add(checked(config, cache, "before any edit"));
        assertTrue(seen.get(0).contains("shop_ids") && seen.get(0).contains("class_order_ids"), seen.get(0));

        write("com/acme/shop/package-info.java", Files.readString(file("com/acme/shop/package-info.java"))
                .replace("allocationSize = 10", "allocationSize = 20"));
        seen.add(checked(config, cache, "the package's generator edited"));

        write("com/acme/shop/Customer.java", Files.readString(file("com/acme/shop/Customer.java"))
                .replace("    private Long id;", "    private Long id;\n    private String name;"));
        seen.add(checked(config, cache, "the entity naming it edited"));

        write("com/acme/shop/more/package-info.java", """
                @SequenceGenerator(name = "more_ids", sequenceName = "more_ids")
                package com.acme.shop.more;
                import jakarta.persistence.SequenceGenerator;
                """);
        assertEquals(seen.get(seen.size() - 1), checked(config, cache, "a package-info added that no entity uses yet"));

        write("com/acme/shop/Order.java", Files.readString(file("com/acme/shop/Order.java")).replace("\"order_ids\"", "\"more_ids\""));
        seen.add(checked(config, cache, "an entity naming the added package's generator"));

        write("com/acme/shop/more/package-info.java", Files.readString(file("com/acme/shop/more/package-info.java"))
                .replace("sequenceName = \"more_ids\"", "sequenceName = \"more_order_ids\""));
        seen.add(checked(config, cache, "the added package's generator edited"));
        assertTrue(seen.get(seen.size() - 1).contains("more_order_ids"), seen.get(seen.size() - 1));

        assertEquals(seen.size(), seen.stream().distinct().count(), "every edit changed the scan: " + seen);
    }

    /**
     * The outlines: an edit the mapping can read is never taken for one it cannot (the scan is made again, and
     * equals the scan without cache), and an edit it cannot read (a method body, a javadoc, a method that is no
     * getter) reuses the cached scan, which equals the scan without cache.
     */
    @Test
    void anEditKeepingTheOutlinesReusesTheScanAndNoOtherDoes() throws Exception {
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\","
                + " \"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\", \"migrationsPackage\": \"com.acme.shop.migrations\"}]}");
        write("com/acme/shop/Widths.java", """
                package com.acme.shop;
                import lombok.experimental.UtilityClass;
                @UtilityClass
                public class Widths {
                    final int CODE = 12;
                }
                """);
        write("com/acme/common/Money.java", """
                package com.acme.common;
                import jakarta.persistence.*;
                @Embeddable
                public class Money {
                    private java.math.BigDecimal amount;
                }
                """);
        write("com/acme/other/Money.java", """
                package com.acme.other;
                import jakarta.persistence.*;
                @Embeddable
                public class Money {
                    private Long cents;
                }
                """);
        write("com/acme/shop/Customer.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                /** A customer. */
                @Entity
                public class Customer {
                    static final int LEN = 30;
                    @Id
                    private Long id;
                    @Column(length = LEN)
                    private String name;
                    @Column(length = 40)
                    private String email;
                    @Column(length = Widths.CODE)
                    private String code;
                    public String display() {
                        return name;
                    }
                }
                """);
        write("com/acme/shop/Invoice.java", """
                package com.acme.shop;
                import com.acme.common.*;
                import jakarta.persistence.*;
                @Entity
                public class Invoice {
                    @Id
                    private Long id;
                    @Embedded
                    private Money total;
                }
                """);
        write("com/acme/shop/CsvType.java", """
                package com.acme.shop;
                import org.hibernate.type.SqlTypes;
                public class CsvType implements org.hibernate.usertype.UserType<Object> {
                    public int getSqlType() {
                        return SqlTypes.VARCHAR;
                    }
                    public Object deepCopy(Object v) {
                        return v;
                    }
                }
                """);
        write("com/acme/shop/Product.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                public class Product {
                    private Long id;
                    private String title;
                    private Object tags;
                    @org.hibernate.annotations.Type(CsvType.class)
                    public Object getTags() {
                        return tags;
                    }
                    @Id
                    public Long getId() {
                        return id;
                    }
                    public String getTitle() {
                        return title;
                    }
                }
                """);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        String before = checked(config, cache, "before any edit");

        // edits the mapping cannot read: the cached scan is used, and it is the scan without cache
        String customer = "com/acme/shop/Customer.java";
        edit(customer, "        return name;", "        return name + \"!\"; // shown");
        assertEquals(before, reused(config, cache, "a method body changed, lines kept"));
        edit(customer, "/** A customer. */", "/** A customer of the shop, who pays. */");
        assertEquals(before, reused(config, cache, "a javadoc edited"));
        edit(customer, "        return name + \"!\"; // shown", "        return name + \"!\"; // shown\n        // and more");
        assertEquals(before, reused(config, cache, "a method body grown by a line, the method last"));
        String text = Files.readString(file(customer));
        int end = text.stripTrailing().lastIndexOf('}');
        write(customer, text.substring(0, end) + "\n    public String label7() {\n        return name + \" #7\";\n    }\n}\n");
        assertEquals(before, reused(config, cache, "a method that is no getter appended (bench/lib/one_change.py)"));
        edit("com/acme/shop/Product.java", "    public String getTitle() {", "    public void touch(int times) {\n    }\n    public String getTitle() {");
        // lines moved in Product: not reused, but the same scan
        assertEquals(before, rescanned(config, cache, "a method inserted above a getter (lines shift)"));
        edit("com/acme/shop/Product.java", "    public void touch(int times) {\n    }\n    public String getTitle() {",
                "    public void touch(int n) {\n    }\n    public String getTitle() {");
        assertEquals(before, reused(config, cache, "a parameter of a method that is no getter renamed"));

        // edits the mapping reads: scanned again
        var seen = new ArrayList<String>();
        seen.add(before);
        edit(customer, "@Column(length = 40)", "@Column(length = 60)");
        seen.add(rescanned(config, cache, "an annotation's value"));
        edit(customer, "static final int LEN = 30;", "static final int LEN = 35;");
        seen.add(rescanned(config, cache, "the initializer of a constant an annotation uses"));
        edit("com/acme/shop/Widths.java", "final int CODE = 12;", "final int CODE = 16;");
        seen.add(rescanned(config, cache, "a field that only Lombok's @UtilityClass makes a constant"));
        edit("com/acme/shop/Product.java", "    public String getTitle() {", "    public String getLabel() {\n        return title;\n    }\n    public String getTitle() {");
        seen.add(rescanned(config, cache, "a getter added to an entity of property access"));
        edit("com/acme/shop/Invoice.java", "import com.acme.common.*;", "import com.acme.other.Money;");
        seen.add(rescanned(config, cache, "an import"));
        edit("com/acme/shop/CsvType.java", "        return v;", "        return null;");
        assertEquals(seen.get(seen.size() - 1), reused(config, cache, "a method body of a user type"));
        edit("com/acme/shop/CsvType.java", "return SqlTypes.VARCHAR;", "return SqlTypes.JSON;");
        seen.add(rescanned(config, cache, "the SQL type a user type's getSqlType() returns"));
        assertEquals(seen.size(), seen.stream().distinct().count(), "every edit the mapping reads changed the scan: " + seen);
        edit(customer, "    @Id\n    private Long id;", "    public String shown() {\n        return \"\";\n    }\n    @Id\n    private Long id;");
        rescanned(config, cache, "a method inserted above a field (lines shift)");
        edit(customer, "import jakarta.persistence.*;", "import jakarta.persistence.*;\nimport java.util.List;");
        rescanned(config, cache, "an unused import added (a line more above every declaration)");
    }

    /**
     * Every kind of edit, the mapping's whole-project reads among them (an auto-applied converter, a sequence generator
     * declared on another entity, the key type of a relation's target, a unidirectional one-to-many's target, a
     * single-table subclass, a class shadowing a wildcard import): the cached scan equals the scan without cache, and
     * it took every unchanged file from the cache of file summaries (not read, not parsed to be indexed) and never
     * parsed the file the mapping does not read.
     */
    @Test
    void everyKindOfEditReadsOnlyWhatChangedAndWhatTheMappingReads() throws Exception {
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\","
                + " \"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\", \"migrationsPackage\": \"com.acme.shop.migrations\"}]}");
        write("com/acme/shop/Limits.java", "package com.acme.shop;\npublic interface Limits {\n    int CODE = 20;\n}\n");
        write("com/acme/shop/Unused.java", "package com.acme.shop;\npublic class Unused {\n    private int count;\n}\n");
        write("com/acme/shop/Status.java", "package com.acme.shop;\npublic enum Status {\n    NEW, PAID\n}\n");
        write("com/acme/shop/Flag.java", "package com.acme.shop;\npublic record Flag(String value) {}\n");
        write("com/acme/shop/FlagConverter.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Converter(autoApply = true)
                public class FlagConverter implements AttributeConverter<Flag, String> {
                    public String convertToDatabaseColumn(Flag f) { return f.value(); }
                    public Flag convertToEntityAttribute(String s) { return new Flag(s); }
                }
                """);
        write("com/acme/shop/Base.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class Base {
                    @Column(length = Limits.CODE)
                    private String code;
                }
                """);
        write("com/acme/common/Money.java", """
                package com.acme.common;
                import jakarta.persistence.*;
                @Embeddable
                public class Money {
                    private java.math.BigDecimal amount;
                }
                """);
        write("com/acme/shop/Customer.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                public class Customer extends Base {
                    @Id
                    private Long id;
                    private Status status;
                    private Flag flag;
                    @OneToMany
                    @JoinColumn(name = "owner_id")
                    private java.util.List<Note> notes;
                }
                """);
        write("com/acme/shop/Vip.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                public class Vip extends Customer {
                    private Integer level;
                }
                """);
        write("com/acme/shop/Note.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                public class Note {
                    @Id
                    @GeneratedValue(generator = "ids")
                    @SequenceGenerator(name = "ids", sequenceName = "shared_ids", allocationSize = 10)
                    private Long id;
                    private String text;
                }
                """);
        write("com/acme/shop/Invoice.java", """
                package com.acme.shop;
                import com.acme.common.*;
                import jakarta.persistence.*;
                @Entity
                public class Invoice {
                    @Id
                    @GeneratedValue(generator = "ids")
                    private Long id;
                    @Embedded
                    private Money total;
                    @ManyToOne
                    private Customer customer;
                }
                """);
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        var seen = new ArrayList<String>();
        seen.add(checked(config, cache, "before any edit"));
        int files = 11;
        assertEquals(0, reuse.summarized(), "a cold scan has no summaries");

        edit("com/acme/shop/Customer.java", "    private Status status;", "    private Status status;\n    private Integer age;");
        seen.add(reusing(config, cache, "an entity edited", files, 1));
        edit("com/acme/shop/Base.java", "    private String code;", "    private String code;\n    private Boolean active;");
        seen.add(reusing(config, cache, "its mapped superclass edited", files, 1));
        edit("com/acme/shop/Limits.java", "20", "30");
        seen.add(reusing(config, cache, "a constant the superclass uses", files, 1));
        edit("com/acme/shop/Status.java", "NEW, PAID", "NEW, PAID, SENT");
        seen.add(reusing(config, cache, "an enum an entity maps by ordinal", files, 1));
        edit("com/acme/shop/FlagConverter.java", "AttributeConverter<Flag, String>", "AttributeConverter<Flag, Integer>");
        edit("com/acme/shop/FlagConverter.java", "public String convertToDatabaseColumn", "public Integer convertToDatabaseColumn");
        edit("com/acme/shop/FlagConverter.java", "(String s)", "(Integer s)");
        edit("com/acme/shop/FlagConverter.java", "new Flag(s)", "new Flag(String.valueOf(s))");
        seen.add(reusing(config, cache, "an auto-applied converter's column type", files, 1));
        edit("com/acme/shop/Note.java", "allocationSize = 10", "allocationSize = 20");
        seen.add(reusing(config, cache, "a sequence generator another entity uses by name", files, 1));
        edit("com/acme/shop/Customer.java", "    private Long id;", "    private String id;");
        seen.add(reusing(config, cache, "the key type of a many-to-one's target", files, 1));
        edit("com/acme/shop/Note.java", "    private String text;", "    private String text;\n    private Integer pages;");
        seen.add(reusing(config, cache, "a unidirectional one-to-many's target", files, 1));
        edit("com/acme/shop/Vip.java", "    private Integer level;", "    private Integer level;\n    private String badge;");
        seen.add(reusing(config, cache, "a single-table subclass", files, 1));
        write("com/acme/shop/Money.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Embeddable
                public class Money {
                    private Long cents;
                }
                """);
        files++;
        seen.add(reusing(config, cache, "a new class of the same package shadows com.acme.common.Money", files, 1));
        write("com/acme/shop/Order.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                @Table(name = "orders")
                public class Order {
                    @Id
                    private Long id;
                    @ManyToOne
                    private Note note;
                }
                """);
        files++;
        seen.add(reusing(config, cache, "an entity added", files, 1));
        Files.delete(file("com/acme/shop/Order.java"));
        files--;
        assertEquals(seen.get(seen.size() - 2), reusing(config, cache, "the entity deleted again", files, 0));
        String note = Files.readString(file("com/acme/shop/Note.java"));
        Files.delete(file("com/acme/shop/Note.java"));
        write("com/acme/shop/Memo.java", note.replace("class Note", "class Memo"));
        edit("com/acme/shop/Customer.java", "List<Note>", "List<Memo>");
        seen.add(reusing(config, cache, "an entity renamed", files, 2));
        Path limits = file("com/acme/shop/Limits.java");
        FileTime modified = Files.getLastModifiedTime(limits);
        Files.writeString(limits, Files.readString(limits).replace("30", "40"));
        Files.setLastModifiedTime(limits, modified);
        seen.add(reusing(config, cache, "a constant edited, size and modification time kept", files, 1));
        assertEquals(seen.size(), seen.stream().distinct().count(), "every edit changed the scan: " + seen);
    }

    /**
     * A summary that is not the file's (its length differs, as when a file changes between its hash and its parse):
     * the file is not taken for what the summary says, the scan is made again from the files, and equals the scan
     * without cache.
     */
    @Test
    void aSummaryThatIsNotTheFilesIsNotTrusted() throws Exception {
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\","
                + " \"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\", \"migrationsPackage\": \"com.acme.shop.migrations\"}]}");
        write("com/acme/shop/Customer.java", """
                package com.acme.shop;
                import jakarta.persistence.*;
                @Entity
                public class Customer {
                    @Id
                    private Long id;
                    @Column(length = 40)
                    private String name;
                }
                """);
        // Item's key relation to Customer makes the re-mapping of Item alone (EntityRemap) read Customer's tree
        write("com/acme/shop/Item.java", "package com.acme.shop;\nimport jakarta.persistence.*;\n@Entity\npublic class Item {\n"
                + "    @Id\n    private Long id;\n    @ManyToOne\n    private Customer customer;\n}\n");
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        checked(config, cache, "before any edit");
        Path side = project.resolve(".keel/cache").resolve(ScanCache.FILES);
        String customerHash = dev.keel.cache.ContentHash.of(Files.readAllBytes(file("com/acme/shop/Customer.java")));
        var lines = new ArrayList<String>();
        for (String line : Files.readString(side).split("\n")) {
            if (line.startsWith(customerHash + "\t")) {
                String[] f = line.split("\t", -1);
                f[2] = String.valueOf(Integer.parseInt(f[2]) + 1);
                line = String.join("\t", f);
            }
            lines.add(line);
        }
        Files.writeString(side, String.join("\n", lines) + "\n");
        edit("com/acme/shop/Item.java", "    private Long id;", "    private Long id;\n    private String label;");
        checked(config, cache, "an entity edited while another's summary is not its file's");
        assertEquals(0, reuse.summarized(), "scanned again from the files");
    }

    /**
     * After one entity's outline changed, the scan maps that entity alone and splices it into the stored scan only
     * when nothing else depends on what changed ({@code EntityRemap}); each scan equals the scan without cache either way.
     */
    @Test
    void oneEntityIsMappedAloneOnlyWhenNothingElseDependsOnIt() throws Exception {
        Files.writeString(project.resolve("keel.json"), "{\"sourceRoots\": [\"src/main/java\"], \"naming\": \"snake_case\","
                + " \"apps\": [{\"label\": \"shop\", \"package\": \"com.acme.shop\", \"migrationsPackage\": \"com.acme.shop.migrations\"}]}");
        String imports = "package com.acme.shop;\nimport jakarta.persistence.*;\nimport dev.keel.annotations.RenamedFrom;\n";
        write("com/acme/shop/Customer.java", imports + """
                @Entity
                public class Customer {
                    @Id
                    private Long id;
                    private String name;
                }
                """);
        write("com/acme/shop/Order.java", imports + """
                @Entity
                @Table(name = "orders")
                public class Order {
                    @Id
                    private Long id;
                    @ManyToOne
                    private Customer customer;
                    private String code;
                }
                """);
        write("com/acme/shop/Vendor.java", imports + """
                @Entity
                public class Vendor {
                    public static final int MAX = 30;
                    @Id
                    private Long id;
                }
                """);
        write("com/acme/shop/Item.java", imports + """
                @Entity
                public class Item {
                    @Id
                    private Long id;
                    @Column(length = Vendor.MAX)
                    private String sku;
                    @OneToMany
                    @JoinColumn(name = "item_id")
                    private java.util.List<Part> parts;
                }
                """);
        write("com/acme/shop/Part.java", imports + """
                @Entity
                public class Part {
                    @Id
                    private Long id;
                    private String label;
                }
                """);
        write("com/acme/shop/Animal.java", imports + """
                @Entity
                public class Animal {
                    @Id
                    private Long id;
                }
                """);
        write("com/acme/shop/Dog.java", imports + """
                @Entity
                public class Dog extends Animal {
                    private String breed;
                }
                """);
        write("com/acme/shop/Note.java", imports + """
                @Entity
                public class Note {
                    @Id
                    private Long id;
                    private String title;
                }
                """);
        write("com/acme/shop/Other.java", imports + """
                @Entity
                @Table(indexes = @Index(name = "note_code_key", columnList = "x"))
                public class Other {
                    @Id
                    private Long id;
                    private String x;
                }
                """);
        write("com/acme/shop/Tag.java", imports + """
                @Entity
                public class Tag {
                    @Id
                    private String code;
                }
                """);
        int entities = 10;
        KeelConfig config = KeelConfig.read(project);
        ProjectCache cache = ProjectCache.of(project, config, EntityScanner.class);
        remapped(config, cache, "before any edit", 0);

        edit("com/acme/shop/Order.java", "    private String code;", "    private String code;\n    private Integer qty;");
        assertEquals(2, remapped(config, cache, "a field added to an entity that refers to another", entities - 1).mapped(),
                "the entity, and the key of the one it refers to");
        edit("com/acme/shop/Customer.java", "    private String name;", "    private String name;\n    private String email;");
        remapped(config, cache, "a field added to an entity others refer to", entities - 1);
        edit("com/acme/shop/Customer.java", "    private Long id;", "    private String id;");
        remapped(config, cache, "the key type of an entity others refer to", 0);
        edit("com/acme/shop/Customer.java", "@Entity\npublic class Customer", "@Entity\n@Table(name = \"client\")\npublic class Customer");
        remapped(config, cache, "the table of an entity others refer to renamed", 0);
        edit("com/acme/shop/Order.java", "    @ManyToOne\n", "    @ManyToOne\n    @JoinColumn(name = \"customer_ref\", referencedColumnName = \"id\")\n");
        remapped(config, cache, "a join column naming the referenced key column", entities - 1);
        edit("com/acme/shop/Customer.java", "    @Id\n    private String id;", "    @Id\n    @Column(name = \"cid\")\n    private String id;");
        remapped(config, cache, "the key column a join column references renamed (a problem)", -1);
        edit("com/acme/shop/Customer.java", "    @Column(name = \"cid\")\n", "");
        edit("com/acme/shop/Customer.java", "    private String email;", "    private String email;\n    private Integer rank;");
        remapped(config, cache, "the key column renamed back, and a field added", entities - 1);
        edit("com/acme/shop/Order.java", "    @ManyToOne\n    @JoinColumn(name = \"customer_ref\", referencedColumnName = \"id\")\n    private Customer customer;\n", "");
        remapped(config, cache, "a relation removed", entities - 1);
        edit("com/acme/shop/Part.java", "    private String label;", "    private String label;\n    private Integer size;");
        remapped(config, cache, "a field added to an entity whose table another's one-to-many writes into", 0);
        edit("com/acme/shop/Item.java", "    private String sku;", "    private String sku;\n    private Integer stock;");
        remapped(config, cache, "a field added to the entity whose one-to-many writes into another's table", 0);
        edit("com/acme/shop/Vendor.java", "MAX = 30;", "MAX = 40;");
        remapped(config, cache, "a constant of an entity that another entity reads", 0);
        edit("com/acme/shop/Item.java", "    @OneToMany\n    @JoinColumn(name = \"item_id\")\n    private java.util.List<Part> parts;\n", "");
        remapped(config, cache, "the one-to-many that wrote into another entity's table removed", 0);
        edit("com/acme/shop/Dog.java", "    private String breed;", "    private String breed;\n    private Integer age;");
        remapped(config, cache, "a field added to a subclass", 0);
        edit("com/acme/shop/Animal.java", "    private Long id;", "    private Long id;\n    private String name;");
        remapped(config, cache, "a field added to the root of a hierarchy", 0);
        edit("com/acme/shop/Note.java", "    private String title;", "    private String title;\n    @Column(unique = true)\n    private String code;");
        remapped(config, cache, "a unique column whose constraint's name another table's index has", 0);
        edit("com/acme/shop/Tag.java", "    private String code;", "    private String code;\n    @ManyToOne\n    private Customer owner;");
        assertEquals(2, remapped(config, cache, "a relation to an entity not read before", entities - 1).mapped());
        edit("com/acme/shop/Tag.java", "@Entity\npublic class Tag", "@Entity(name = \"Label\")\npublic class Tag");
        remapped(config, cache, "an entity renamed (its model)", entities - 1);
        edit("com/acme/shop/Tag.java", "    private Customer owner;", "    private Customer owner;\n    @RenamedFrom(\"heading\")\n"
                + "    private String title;\n    private boolean active = true;");
        remapped(config, cache, "a renamed field and a field with an initializer (hints)", entities - 1);
        edit("com/acme/shop/Tag.java", "    @Id\n    private String code;", "    @Id\n    @GeneratedValue(strategy = GenerationType.SEQUENCE)\n    private Long code;");
        remapped(config, cache, "a generated key (a sequence)", entities - 1);
        edit("com/acme/shop/Tag.java", "    private boolean active = true;", "    private boolean active = true;\n    @ManyToOne\n    private Animal pet;");
        remapped(config, cache, "a relation to an entity of a hierarchy", 0);
        edit("com/acme/shop/Order.java", "    private Integer qty;", "    private Integer qty;\n    private Integer total;");
        edit("com/acme/shop/Note.java", "    private String title;", "    private String title;\n    private String body;");
        remapped(config, cache, "two entities edited", 0);
        edit("com/acme/shop/Order.java", "    private Integer total;", "    private Integer total;\n    @ManyToOne\n    private Tag tag;");
        remapped(config, cache, "a relation to an entity whose key is a sequence's", entities - 1);
        edit("com/acme/shop/Tag.java", "    @GeneratedValue(strategy = GenerationType.SEQUENCE)\n", "");
        remapped(config, cache, "an entity that refers to one of a hierarchy edited", 0);
    }

    /**
     * Checks the scan through the cache against the scan without it (problems included), then asserts how many entities it
     * took from the last stored scan: {@code reused} (0: the whole project was mapped; -1: the scan found problems).
     */
    private EntityScanner.Reuse remapped(KeelConfig config, ProjectCache cache, String after, int reused) {
        String cold = outcome(() -> EntityScanner.scanWithHints(project, config));
        String cached = outcome(() -> ScanCache.scanWithHints(project, config, cache));
        EntityScanner.Reuse made = ScanCache.lastReuse();
        assertEquals(cold, cached, "after " + after);
        assertEquals(cold, outcome(() -> ScanCache.scanWithHints(project, config, cache)), "after " + after + ", from the cache");
        if (reused < 0) {
            assertTrue(cold.startsWith("problems: "), "after " + after + ": " + cold);
            return null;
        }
        assertNotNull(made, "after " + after + ", the scan is made again");
        assertEquals(reused, made.reused(), "after " + after + ", entities taken from the last scan");
        return made;
    }

    private interface Scanning {
        EntityScanner.Scan scan();
    }

    private static String outcome(Scanning scanning) {
        try {
            return json(scanning.scan());
        } catch (dev.keel.error.KeelException e) {
            return "problems: " + e.getMessage();
        }
    }

    /**
     * {@link #checked}, asserting that the scan was made with every file but {@code changed} ones indexed from the
     * cache, each file parsed once at most (a changed file that declares no mapped type, read by the mapping, twice),
     * and the files the mapping does not read (Unused.java; Flag.java, a record that only the auto-applied converter's
     * type argument names) not parsed at all.
     */
    private String reusing(KeelConfig config, ProjectCache cache, String after, int files, int changed) {
        String scan = checked(config, cache, after);
        assertNotNull(reuse, "after " + after + ", the scan is made again");
        assertEquals(files, reuse.files(), "after " + after);
        assertEquals(files - changed, reuse.summarized(), "after " + after + ", every unchanged file is indexed from the cache");
        for (String unread : List.of("com/acme/shop/Unused.java", "com/acme/shop/Flag.java")) {
            assertFalse(reuse.parsedFiles().contains(file(unread)), "after " + after + ", " + unread + " is not parsed: "
                    + reuse.parsedFiles());
        }
        assertEquals(files - 2, reuse.parsedFiles().size(), "after " + after + ", the files the mapping reads: " + reuse.parsedFiles());
        assertTrue(reuse.parsed() <= reuse.parsedFiles().size() + changed, "after " + after + ", parsed " + reuse.parsed() + " times");
        return scan;
    }

    private void edit(String path, String from, String to) throws IOException {
        String text = Files.readString(file(path));
        if (!text.contains(from)) {
            throw new AssertionError(path + " does not contain " + from);
        }
        write(path, text.replace(from, to));
    }

    /** {@link #checked}, asserting that the cached scan was reused because the changed files kept their outlines. */
    private String reused(KeelConfig config, ProjectCache cache, String after) {
        int before = ScanCache.outlineReuses();
        String scan = checked(config, cache, after);
        assertEquals(before + 1, ScanCache.outlineReuses(), "after " + after + ", the cached scan is reused");
        return scan;
    }

    /** {@link #checked}, asserting that the scan was made again. */
    private String rescanned(KeelConfig config, ProjectCache cache, String after) {
        int before = ScanCache.outlineReuses();
        String scan = checked(config, cache, after);
        assertEquals(before, ScanCache.outlineReuses(), "after " + after + ", the scan is made again");
        return scan;
    }

    /** The cached scan, after asserting that it is the scan without cache. */
    private String checked(KeelConfig config, ProjectCache cache, String after) {
        String cold = json(EntityScanner.scanWithHints(project, config));
        String cached = json(ScanCache.scanWithHints(project, config, cache));
        reuse = ScanCache.lastReuse();
        assertEquals(cold, cached, "after " + after);
        assertEquals(cold, json(ScanCache.scanWithHints(project, config, cache)), "after " + after + ", from the cache");
        return cached;
    }
}
