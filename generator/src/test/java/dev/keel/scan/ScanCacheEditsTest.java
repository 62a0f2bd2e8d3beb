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

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** The cached scan, after asserting that it is the scan without cache. */
    private String checked(KeelConfig config, ProjectCache cache, String after) {
        String cold = json(EntityScanner.scanWithHints(project, config));
        String cached = json(ScanCache.scanWithHints(project, config, cache));
        assertEquals(cold, cached, "after " + after);
        assertEquals(cold, json(ScanCache.scanWithHints(project, config, cache)), "after " + after + ", from the cache");
        return cached;
    }
}
