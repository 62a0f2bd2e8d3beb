package dev.keel.scan;

import dev.keel.config.HibernateVersion;
import dev.keel.config.KeelConfig;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where keel finds the project's Hibernate version: keel.json, the class path, the build files, else 6. */
class HibernateTargetTest {
    @TempDir Path dir;

    private static final String APPS = "\"apps\": [{\"label\": \"shop\", \"package\": \"shop\"}]";

    private KeelConfig config(String extra) {
        return KeelConfig.parse("{" + extra + APPS + "}", "keel.json");
    }

    private HibernateTarget.Decision decide(Path project) {
        return HibernateTarget.decide(project, config(""));
    }

    private static String pom(String inside) {
        return "<project><modelVersion>4.0.0</modelVersion>" + inside + "<artifactId>shop</artifactId></project>";
    }

    private static String parent(String artifact, String version) {
        return "<parent><groupId>org.springframework.boot</groupId><artifactId>" + artifact + "</artifactId><version>"
                + version + "</version></parent>";
    }

    @Test
    void nothingInTheBuildIsHibernate6NotFound() {
        HibernateTarget.Decision d = decide(dir);
        assertEquals(HibernateVersion.V6, d.version());
        assertFalse(d.found());
    }

    @Test
    void springBootParentsChooseTheVersionTheyBring() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), pom(parent("spring-boot-starter-parent", "4.0.7")));
        assertEquals(new HibernateTarget.Decision(HibernateVersion.V7, "pom.xml: spring-boot-starter-parent 4.0.7", true), decide(dir));
        Files.writeString(dir.resolve("pom.xml"), pom(parent("spring-boot-starter-parent", "3.5.7")));
        assertEquals(HibernateVersion.V6, decide(dir).version());
        assertTrue(decide(dir).found());
    }

    @Test
    void anImportedBomAndAHibernateVersionPropertyCount() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), pom("<dependencyManagement><dependencies><dependency>"
                + "<groupId>org.springframework.boot</groupId><artifactId>spring-boot-dependencies</artifactId>"
                + "<version>${boot.version}</version><type>pom</type><scope>import</scope></dependency></dependencies>"
                + "</dependencyManagement><properties><boot.version>4.1.2</boot.version></properties>"));
        assertEquals("pom.xml: spring-boot-dependencies 4.1.2", decide(dir).source());
        // Boot 4 with Hibernate held back by its property: the property wins over the parent
        Files.writeString(dir.resolve("pom.xml"), pom(parent("spring-boot-starter-parent", "4.0.7")
                + "<properties><hibernate.version>6.6.33.Final</hibernate.version></properties>"));
        assertEquals(new HibernateTarget.Decision(HibernateVersion.V6, "pom.xml: hibernate.version 6.6.33.Final", true), decide(dir));
    }

    @Test
    void aModuleReadsItsParentPomAndItsProperties() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("pom.xml"), pom("<properties><orm.version>7.4.16.Final</orm.version></properties>"));
        Path module = Files.createDirectories(dir.resolve("app"));
        Files.writeString(module.resolve("pom.xml"), pom("<dependencies><dependency><groupId>org.hibernate.orm</groupId>"
                + "<artifactId>hibernate-core</artifactId><version>${orm.version}</version></dependency></dependencies>"));
        // the module's dependency names a property its parent defines: read when the parent is read
        HibernateTarget.Decision d = decide(module);
        assertEquals(HibernateVersion.V7, d.version(), d.toString());
        assertTrue(d.source().contains("hibernate-core 7.4.16.Final"), d.source());
    }

    @Test
    void theRepositoryRootEndsTheSearch() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), pom(parent("spring-boot-starter-parent", "4.0.7")));
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        assertFalse(decide(repo).found());
    }

    @Test
    void gradleBuildsAndVersionCatalogs() throws Exception {
        Files.writeString(dir.resolve("build.gradle.kts"), "plugins {\n  java\n  id(\"org.springframework.boot\") version \"4.0.7\"\n}\n");
        assertEquals("build.gradle.kts: org.springframework.boot plugin 4.0.7", decide(dir).source());
        Files.delete(dir.resolve("build.gradle.kts"));
        Files.writeString(dir.resolve("build.gradle"), "dependencies {\n implementation 'org.hibernate.orm:hibernate-core:6.6.4.Final'\n}\n");
        assertEquals(HibernateVersion.V6, decide(dir).version());
        Files.delete(dir.resolve("build.gradle"));
        Files.createDirectories(dir.resolve("gradle"));
        Files.writeString(dir.resolve("gradle/libs.versions.toml"), "[versions]\nspringBoot = \"4.0.7\"\n\n[plugins]\n"
                + "spring-boot = { id = \"org.springframework.boot\", version.ref = \"springBoot\" }\n");
        assertEquals(new HibernateTarget.Decision(HibernateVersion.V7,
                "gradle/libs.versions.toml: org.springframework.boot plugin 4.0.7", true), decide(dir));
    }

    @Test
    void theClassPathsHibernateCoreJarWinsOverTheBuildFiles() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), pom(parent("spring-boot-starter-parent", "3.5.7")));
        Files.createDirectories(dir.resolve("lib"));
        Files.write(dir.resolve("lib/hibernate-core-7.2.19.Final.jar"), new byte[0]);
        HibernateTarget.Decision d = HibernateTarget.decide(dir, config("\"libraries\": [\"lib/*.jar\"], "));
        assertEquals(new HibernateTarget.Decision(HibernateVersion.V7, "class path: hibernate-core 7.2.19.Final", true), d);
    }

    @Test
    void keelJsonWinsOverEverything() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), pom(parent("spring-boot-starter-parent", "4.0.7")));
        HibernateTarget.Decision d = HibernateTarget.decide(dir, config("\"hibernate\": \"6\", "));
        assertEquals(new HibernateTarget.Decision(HibernateVersion.V6, "keel.json \"hibernate\"", true), d);
        assertEquals(HibernateVersion.V7, HibernateTarget.resolve(dir, config("")).hibernate());
    }

    @Test
    void keelJsonTakesAMajorOrAFullVersionAndRefusesOthers() {
        assertEquals(HibernateVersion.V7, config("\"hibernate\": \"7.2.19.Final\", ").hibernate());
        KeelException e = assertThrows(KeelException.class, () -> config("\"hibernate\": \"5\", "));
        assertTrue(e.getMessage().contains("hibernate must be \"6\" or \"7\""), e.getMessage());
        assertTrue(e.getMessage().startsWith("keel.json:"), e.getMessage());
    }
}
