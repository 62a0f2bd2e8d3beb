package dev.keel.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * keel's settings in a Spring Boot application ({@code keel.*} in {@code application.properties} or
 * {@code application.yml}). Without {@code keel.apps} and {@code keel.migrations-packages}, the migrations
 * are the keel migration classes found under the application's package (the package of its
 * {@code @SpringBootApplication} class), grouped by package.
 */
@ConfigurationProperties(prefix = "keel")
public class KeelProperties {
    /** Whether keel migrates the database as the application starts. */
    private boolean enabled = true;

    /**
     * The apps whose migrations run: app label (as in keel.json) to its migrations package, for example
     * keel.apps.blog=com.acme.blog.migrations.
     */
    private Map<String, String> apps = new LinkedHashMap<>();

    /**
     * Migrations packages whose app label is the segment before ".migrations" (com.acme.blog.migrations is app
     * blog), as keel init names them. May be given together with keel.apps.
     */
    private List<String> migrationsPackages = new ArrayList<>();

    /** How long a statement may wait for a lock before it gives up and is tried again (PostgreSQL's lock_timeout). */
    private Duration lockTimeout = Duration.ofSeconds(2);

    /**
     * How long a statement of a deploy-time migration may run (PostgreSQL's statement_timeout); 0 for none.
     * Post-deployment migrations run without it.
     */
    private Duration statementTimeout = Duration.ofSeconds(5);

    /**
     * From how many rows (the catalog's estimate) a table is large: a deploy-time migration that only builds indexes
     * or validates constraints on one waits for the post-deployment phase, as with keel migrate; 0 for only the
     * tables of keel.large-tables.
     */
    private long largeTableRows = dev.keel.runner.LargeTables.DEFAULT_ROWS;

    /** The tables that are large whatever their size (keel.json's largeTables): event, audit.log. */
    private List<String> largeTables = new ArrayList<>();

    /**
     * Whether the post-deployment migrations (index builds, backfills) run too, after the deploy-time ones. Off
     * unless set: they belong after the deployment (keel migrate --post-deploy), not in every instance's start.
     */
    private boolean postDeploy = false;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, String> getApps() {
        return apps;
    }

    public void setApps(Map<String, String> apps) {
        this.apps = apps;
    }

    public List<String> getMigrationsPackages() {
        return migrationsPackages;
    }

    public void setMigrationsPackages(List<String> migrationsPackages) {
        this.migrationsPackages = migrationsPackages;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public long getLargeTableRows() {
        return largeTableRows;
    }

    public void setLargeTableRows(long largeTableRows) {
        this.largeTableRows = largeTableRows;
    }

    public List<String> getLargeTables() {
        return largeTables;
    }

    public void setLargeTables(List<String> largeTables) {
        this.largeTables = largeTables;
    }

    public boolean isPostDeploy() {
        return postDeploy;
    }

    public void setPostDeploy(boolean postDeploy) {
        this.postDeploy = postDeploy;
    }
}
