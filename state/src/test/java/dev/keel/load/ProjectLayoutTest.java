package dev.keel.load;

import dev.keel.config.KeelConfig;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What keel.json names must be there: source roots, the apps' packages, the migrations of each app. */
class ProjectLayoutTest {
    @TempDir Path dir;

    private void source(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private KeelConfig config(String json) throws IOException {
        Files.writeString(dir.resolve("keel.json"), json);
        return KeelConfig.read(dir);
    }

    private List<String> problems(KeelConfig config) {
        KeelException e = assertThrows(KeelException.class, () -> ProjectLayout.check(config, dir));
        assertEquals(ErrorKind.USAGE, e.kind());
        return e.problems();
    }

    @Test
    void aPackageDeclaredOutsideItsFolderStillCounts() throws IOException {
        source("src/main/java/billing/Invoice.java", "/*\n * package com.acme.wrong; (a licence header)\n */\n// package com.acme.wrong;\npackage com.acme.billing;\n\n"
                + "import jakarta.persistence.Entity;\n@Entity class Invoice {}\n");
        ProjectLayout.check(config("{\"apps\": [{\"label\": \"billing\", \"package\": \"com.acme.billing\"}]}"), dir);
    }

    @Test
    void aMistypedPackageWhoseMigrationsPackageFollowsFromItIsOneProblem() throws IOException {
        source("src/main/java/com/acme/billing/Invoice.java", "package com.acme.billing;\nclass Invoice {}\n");
        source("src/main/java/com/acme/billing/migrations/M0001_initial.java",
                "package com.acme.billing.migrations;\nclass M0001_initial {}\n");
        List<String> problems = problems(config("{\"apps\": [\n  {\"label\": \"billing\", \"package\": \"com.acme.biling\"}\n]}"));
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith(dir.resolve("keel.json") + ":2: app billing: no source in src/main/java declares"
                + " package com.acme.biling or a package under it"), problems.get(0));
        assertTrue(problems.get(0).contains("\n  Closest declared package: com.acme.billing\n"), problems.get(0));
    }

    @Test
    void aDefaultMigrationsPackageThatMissesTheMigrationsSaysToSetIt() throws IOException {
        source("src/main/java/com/acme/billing/Invoice.java", "package com.acme.billing;\nclass Invoice {}\n");
        source("src/main/java/com/acme/billing/migration/M0001_initial.java",
                "package com.acme.billing.migration;\nclass M0001_initial {}\n");
        List<String> problems = problems(config("{\"apps\": [{\"label\": \"billing\", \"package\": \"com.acme.billing\"}]}"));
        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("its migrations package com.acme.billing.migrations (its package and .migrations,"
                + " as \"migrationsPackage\" is not given) holds no migration, while com.acme.billing.migration"), problems.get(0));
        assertTrue(problems.get(0).endsWith("To fix: set \"migrationsPackage\" of app billing in keel.json (did you mean"
                + " \"com.acme.billing.migration\"?)."), problems.get(0));
    }

    @Test
    void aNewAppBesideUnrelatedMigrationsIsFine() throws IOException {
        source("src/main/java/com/acme/billing/Invoice.java", "package com.acme.billing;\nclass Invoice {}\n");
        source("src/main/java/org/legacy/schema/changes/M0001_accounts.java",
                "package org.legacy.schema.changes;\nclass M0001_accounts {}\n");
        ProjectLayout.check(config("{\"apps\": [{\"label\": \"billing\", \"package\": \"com.acme.billing\"}]}"), dir);
    }

    @Test
    void aPackageFarFromAnyDeclaredOneListsThem() throws IOException {
        source("src/main/java/com/acme/billing/Invoice.java", "package com.acme.billing;\nclass Invoice {}\n");
        source("src/main/java/com/acme/billing/tax/Rate.java", "package com.acme.billing.tax;\nclass Rate {}\n");
        List<String> problems = problems(config("{\"apps\": [{\"label\": \"shipping\", \"package\": \"org.example.logistics\"}]}"));
        assertTrue(problems.get(0).contains("\n  Packages declared there: com.acme.billing, com.acme.billing.tax\n"),
                problems.get(0));
        assertTrue(problems.get(0).contains("To fix: set \"package\" of app shipping in keel.json to the package of its"
                + " entities, or write the app's entities in package org.example.logistics."), problems.get(0));
    }

    @Test
    void everyMissingSourceRootIsNamedWithTheFoldersThatHoldSources() throws IOException {
        source("app/src/main/java/com/acme/billing/Invoice.java", "package com.acme.billing;\nclass Invoice {}\n");
        source("target/generated-sources/com/acme/billing/Invoice_.java", "package com.acme.billing;\nclass Invoice_ {}\n");
        List<String> problems = problems(config("{\"sourceRoots\": [\"app/src/main/jav\", \"lib/src\"],"
                + " \"apps\": [{\"label\": \"billing\", \"package\": \"com.acme.billing\"}]}"));
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("source root app/src/main/jav is not a folder of the project"), problems.get(0));
        assertTrue(problems.get(0).contains("Closest folder with Java sources: app/src/main/java\n"), problems.get(0));
        assertTrue(problems.get(1).contains("source root lib/src is not a folder"), problems.get(1));
        assertTrue(problems.get(1).contains("Folders with Java sources: app/src/main/java\n"), problems.get(1));
    }

    @Test
    void aProjectWithoutSourcesSaysSo() throws IOException {
        List<String> problems = problems(config("{\"apps\": [{\"label\": \"billing\", \"package\": \"com.acme.billing\"}]}"));
        assertTrue(problems.get(0).contains("No folder of the project holds Java sources."), problems.get(0));
    }
}
