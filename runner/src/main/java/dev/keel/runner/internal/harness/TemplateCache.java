package dev.keel.runner.internal.harness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Template databases on a server, one per migration-set hash: a template holds a database migrated
 * to some point, and each test gets a copy ({@code CREATE DATABASE ... TEMPLATE}) instead of
 * migrating from zero again. A template is built under a temporary name and renamed when complete,
 * so a build that dies leaves no half-made template, and two builders of one template do not clash.
 * Templates of the same point made from other versions of the files are dropped when a new one is made.
 */
public final class TemplateCache {
    /** What the comment of every template starts with; the rest names the point it is migrated to. */
    static final String COMMENT = "keel migration test template: ";

    /** Builds a template: migrates the empty database {@code name} to the point. */
    @FunctionalInterface
    public interface Builder {
        /** Migrates database {@code name} on the server. */
        void build(String name) throws Exception;
    }

    private final PostgresServer server;

    /** The templates of {@code server}. */
    public TemplateCache(PostgresServer server) {
        this.server = server;
    }

    /** The name of the template for {@code hash} (hex). */
    public static String templateName(String hash) {
        return "keel_tpl_" + hash.substring(0, 24).toLowerCase(Locale.ROOT);
    }

    /**
     * Makes sure the template {@code name} exists, building it with {@code builder} when it does not.
     *
     * @param point what the template is migrated to, in its comment: {@code blog at 0003_x}
     * @return true when it existed already (reused), false when it was built now
     */
    public boolean ensure(String name, String point, Builder builder) throws Exception {
        if (exists(name)) {
            return true;
        }
        String building = "keel_b_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        execute("CREATE DATABASE " + building);
        try {
            builder.build(building);
            execute("COMMENT ON DATABASE " + building + " IS '" + (COMMENT + point).replace("'", "''") + "'");
            dropOtherVersions(name, point);
            execute("ALTER DATABASE " + building + " RENAME TO " + name);
            return false;
        } catch (SQLException e) {
            if (exists(name)) {
                // another run built the same template meanwhile: use theirs
                drop(building);
                return true;
            }
            drop(building);
            throw e;
        } catch (Exception | Error e) {
            drop(building);
            throw e;
        }
    }

    /** Creates the database {@code copy} as a copy of {@code template}. */
    public void copy(String template, String copy) throws SQLException {
        execute("CREATE DATABASE " + copy + " TEMPLATE " + template);
    }

    /** Drops {@code database} if it exists, closing any connection to it. */
    public void drop(String database) {
        try {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // best effort: the test's own failure is the one to report
        }
    }

    /** Whether database {@code name} exists. */
    public boolean exists(String name) throws SQLException {
        try (Connection c = server.admin();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet r = ps.executeQuery()) {
                return r.next();
            }
        }
    }

    private void dropOtherVersions(String name, String point) throws SQLException {
        var stale = new java.util.ArrayList<String>();
        try (Connection c = server.admin();
             PreparedStatement ps = c.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE 'keel\\_tpl\\_%'"
                     + " AND datname <> ? AND shobj_description(oid, 'pg_database') = ?")) {
            ps.setString(1, name);
            ps.setString(2, COMMENT + point);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    stale.add(r.getString(1));
                }
            }
        }
        stale.forEach(this::drop);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = server.admin(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
