package dev.keel.init;

import dev.keel.init.ProjectSurvey.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * keel init's apps (issue 15): one per package below the common one, except that packages whose tables
 * have foreign keys to each other in a cycle become one app on the common package, with the reason.
 */
class ProjectSurveyTest {
    @TempDir Path dir;

    /** An entity {@code pkg.Name} with many-to-one fields to the given classes ({@code com.acme.x.Other}). */
    private void entity(String pkg, String name, String... targets) throws IOException {
        var body = new StringBuilder("package " + pkg + ";\n\nimport jakarta.persistence.*;\n\n@Entity\npublic class " + name
                + " {\n    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;\n");
        for (String target : targets) {
            String simple = target.substring(target.lastIndexOf('.') + 1);
            body.append("    @ManyToOne(fetch = FetchType.LAZY) private ").append(target).append(' ')
                    .append(Character.toLowerCase(simple.charAt(0))).append(simple.substring(1)).append(";\n");
        }
        Path f = dir.resolve("src/main/java").resolve(pkg.replace('.', '/')).resolve(name + ".java");
        Files.createDirectories(f.getParent());
        Files.writeString(f, body.append("}\n").toString());
    }

    private ProjectSurvey survey() {
        return ProjectSurvey.of(dir, List.of(), null);
    }

    @Test
    void packagesWithoutCyclesStayApart() throws IOException {
        entity("com.acme.crm", "Customer");
        entity("com.acme.billing", "Invoice", "com.acme.crm.Customer");
        ProjectSurvey s = survey();
        assertEquals(List.of(new App("billing", "com.acme.billing"), new App("crm", "com.acme.crm")), s.apps());
        assertEquals(List.of(), s.appNotes());
    }

    @Test
    void packagesInACycleBecomeOneAppOnTheirCommonPackage() throws IOException {
        entity("com.acme.crm", "Customer", "com.acme.billing.Invoice");
        entity("com.acme.billing", "Invoice", "com.acme.crm.Customer");
        entity("com.acme.catalog", "Product");
        entity("com.acme.sales", "Quote", "com.acme.catalog.Product", "com.acme.crm.Customer");
        ProjectSurvey s = survey();
        assertEquals(List.of(new App("acme", "com.acme"), new App("catalog", "com.acme.catalog"),
                new App("sales", "com.acme.sales")), s.apps());
        assertEquals(1, s.appNotes().size(), s.appNotes().toString());
        String note = s.appNotes().get(0);
        assertTrue(note.startsWith("apps billing, crm merged into app acme (package com.acme): their tables have foreign keys"
                + " to each other (billing to crm: invoice -> customer; crm to billing: customer -> invoice)"), note);
    }

    @Test
    void mergingGoesOnUntilNoCycleIsLeftThroughAnAppInBetween() throws IOException {
        // a <-> b and c <-> d are cycles; merged into one app they and e form a new one: a -> e -> c
        entity("com.shop.a", "Alpha", "com.shop.b.Beta", "com.shop.e.Echo");
        entity("com.shop.b", "Beta", "com.shop.a.Alpha");
        entity("com.shop.c", "Gamma", "com.shop.d.Delta");
        entity("com.shop.d", "Delta", "com.shop.c.Gamma");
        entity("com.shop.e", "Echo", "com.shop.c.Gamma");
        entity("com.shop.f", "Foxtrot", "com.shop.a.Alpha");
        ProjectSurvey s = survey();
        assertEquals(List.of(new App("f", "com.shop.f"), new App("shop", "com.shop")), s.apps());
        assertEquals(3, s.appNotes().size(), s.appNotes().toString());
        assertTrue(s.appNotes().get(0).startsWith("apps a, b merged into app shop (package com.shop)"), s.appNotes().toString());
        assertTrue(s.appNotes().get(1).startsWith("apps c, d merged into app shop (package com.shop)"), s.appNotes().toString());
        assertTrue(s.appNotes().get(2).startsWith("app e also merged into app shop (package com.shop): their tables have"
                + " foreign keys to each other (e to shop: echo -> gamma; shop to e: alpha -> echo)"), s.appNotes().toString());
    }

    @Test
    void aProjectThatDoesNotScanKeepsItsPackagesAndSaysWhy() throws IOException {
        entity("com.acme.crm", "Customer", "com.acme.billing.Invoice");
        entity("com.acme.billing", "Invoice", "com.acme.crm.Customer");
        Files.writeString(dir.resolve("src/main/java/com/acme/crm/Broken.java"), "package com.acme.crm; class Broken {");
        ProjectSurvey s = survey();
        assertEquals(List.of(new App("billing", "com.acme.billing"), new App("crm", "com.acme.crm")), s.apps());
        assertEquals(List.of("foreign keys between the apps are not checked: the entities do not scan yet (1 problem;"
                + " keel makemigrations lists them)"), s.appNotes());
    }

    @Test
    void labelsAreWhatKeelJsonAccepts() {
        assertEquals("orders", ProjectSurvey.label("com.acme.Orders"));
        assertEquals("app_2fa", ProjectSurvey.label("com.acme.2fa"));
        assertEquals("app", ProjectSurvey.label(""));
    }

    @Test
    void theSpringConfigurationsDefaultSchemaIsFound() throws IOException {
        entity("com.acme.crm", "Customer");
        assertEquals(null, survey().defaultSchema());
        Path resources = dir.resolve("src/main/resources");
        Files.createDirectories(resources);
        Files.writeString(resources.resolve("application.properties"), "spring.flyway.default-schema=other\n"
                + "spring.jpa.properties.hibernate.default_schema=crm_app\n");
        assertEquals("crm_app", survey().defaultSchema());
        Files.delete(resources.resolve("application.properties"));
        Files.writeString(resources.resolve("application.yml"), "spring:\n  jpa:\n    properties:\n      hibernate:\n"
                + "        default_schema: \"shop\"\n");
        assertEquals("shop", survey().defaultSchema());
    }
}
