package dev.keel.bench.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Applies the versioned SQL migrations of a folder (written by {@link ExportKeelSql}) onto a database with
 * Flyway's Java API, as a Java team would at start-up. Arguments: JDBC_URL USER FOLDER.
 */
public final class FlywayMigrate {
    private FlywayMigrate() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: FlywayMigrate JDBC_URL USER FOLDER");
            System.exit(2);
        }
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(args[0], args[1], "")
                .locations("filesystem:" + args[2]);
        // Flyway's default on PostgreSQL holds its advisory lock in an open transaction, for which CREATE INDEX
        // CONCURRENTLY (of a non-transactional script) waits until the lock timeout: Flyway's
        // postgresql.transactional.lock=false is the setting for such scripts.
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        MigrateResult result = configuration.load().migrate();
        if (!result.success) {
            System.err.println("flyway: migrate failed");
            System.exit(1);
        }
        System.out.println("flyway: applied " + result.migrationsExecuted + " migrations, schema now at version "
                + result.targetSchemaVersion);
    }
}
