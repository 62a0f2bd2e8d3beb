package dev.keel.lint.rules;

import dev.keel.lint.Findings;
import dev.keel.lint.LintRule;
import dev.keel.lint.MigrationFile;
import dev.keel.lint.MigrationSite;
import dev.keel.lint.Span;

/** A migration that imports the application's own classes (entities, services, constants). */
public final class ImportsApplicationCode implements LintRule {
    @Override public String name() { return "imports-app-code"; }
    @Override public String why() {
        return "a migration must do what it did when it was written; application classes change later or go away, and"
                + " the migration then breaks, or does something else, on the next fresh database.";
    }
    @Override public String fix() {
        return "copy what the migration needs into its own file (constants, SQL text), and in RunJava read tables and"
                + " columns through the migration context's historical state, never through entity classes.";
    }

    @Override public void check(MigrationSite site, Findings out) {
        for (MigrationFile.Import i : site.file().imports()) {
            String name = i.name();
            boolean own = name.equals(site.migrationsPackage()) || name.startsWith(site.migrationsPackage() + ".");
            for (String app : site.appPackages()) {
                if (!own && (name.equals(app) || name.startsWith(app + "."))) {
                    out.report(this, Span.line(i.line()), "the migration imports application code: " + name);
                    break;
                }
            }
        }
    }
}
