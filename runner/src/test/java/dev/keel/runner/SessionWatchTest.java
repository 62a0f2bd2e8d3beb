package dev.keel.runner;

import dev.keel.runner.support.Db;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * keel's migrating session checks that keel is still connected while a statement runs, and probes a silent
 * client, unless the database or the user already chose values of their own.
 */
class SessionWatchTest {
    private static List<String> settings(Migrator m) throws Exception {
        try (var st = m.connection().createStatement(); ResultSet r = st.executeQuery("SELECT"
                + " current_setting('client_connection_check_interval'), current_setting('tcp_keepalives_idle'),"
                + " current_setting('tcp_keepalives_interval'), current_setting('tcp_keepalives_count')")) {
            r.next();
            return List.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
        }
    }

    @Test
    void keelsSessionWatchesTheClient() throws Exception {
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(), Specs.FAST, MigrateListener.silent())) {
            // over TCP (the test server's URL), the keepalive settings take effect
            assertEquals(List.of("1s", "30", "10", "3"), settings(m));
        }
    }

    @Test
    void aMigrationThatResetsTheSessionDoesNotUndoTheWatch() throws Exception {
        var reset = Specs.spec("blog.0001_reset").ops(dev.keel.migration.Operations.runSql("RESET ALL", ""));
        var after = Specs.spec("blog.0002_after").after("blog.0001_reset").ops(dev.keel.migration.Operations.runSql(
                "CREATE TABLE seen AS SELECT current_setting('client_connection_check_interval') AS check_interval", ""));
        try (Db db = Db.fresh(); Migrator m = Specs.migrator(db, Specs.set(reset, after), Specs.FAST, MigrateListener.silent())) {
            m.migrate(MigrateRequest.all());
            assertEquals(1, db.count("SELECT count(*) FROM seen WHERE check_interval = '1s'"));
            assertEquals(List.of("1s", "30", "10", "3"), settings(m));
        }
    }

    /**
     * A session opened ahead ({@link Migrator#open}, as the command line does while it reads the migrations) is watched
     * before the migrator takes it, and the migrator sets the watch again after a migration's RESET ALL, as on a
     * connection it opened itself.
     */
    @Test
    void aSessionOpenedAheadIsWatchedAndStaysWatched() throws Exception {
        var reset = Specs.spec("blog.0001_reset").ops(dev.keel.migration.Operations.runSql("RESET ALL", ""));
        var after = Specs.spec("blog.0002_after").after("blog.0001_reset").ops(dev.keel.migration.Operations.runSql(
                "CREATE TABLE seen AS SELECT current_setting('client_connection_check_interval') AS check_interval,"
                        + " current_setting('tcp_keepalives_idle') AS idle", ""));
        try (Db db = Db.fresh()) {
            Migrator.Session session = Migrator.open(Specs.database(db));
            try (Migrator m = Migrator.connect(Specs.set(reset, after), Specs.database(db), session, Specs.FAST,
                    MigrateListener.silent(), dev.keel.routing.Router.single(), "default")) {
                assertEquals(List.of("1s", "30", "10", "3"), settings(m));
                m.migrate(MigrateRequest.all());
                assertEquals(1, db.count("SELECT count(*) FROM seen WHERE check_interval = '1s' AND idle = '30'"));
                assertEquals(List.of("1s", "30", "10", "3"), settings(m));
            }
        }
    }

    /** A setting the database chose is kept, the others set, in two round trips ({@link MigrateRoundTripsTest}). */
    @Test
    void valuesTheDatabaseOrTheUserSetAreKeptAmongThoseKeelSets() throws Exception {
        try (Db db = Db.fresh()) {
            db.execute("ALTER DATABASE " + db.database.name() + " SET tcp_keepalives_interval = 25");
            try (Migrator m = Specs.migrator(db, Specs.set(), Specs.FAST, MigrateListener.silent())) {
                assertEquals(List.of("1s", "30", "25", "3"), settings(m));
            }
        }
    }

    @Test
    void valuesTheDatabaseOrTheUserSetAreKept() throws Exception {
        try (Db db = Db.fresh()) {
            db.execute("ALTER DATABASE " + db.database.name() + " SET client_connection_check_interval = '7s'",
                    "ALTER DATABASE " + db.database.name() + " SET tcp_keepalives_idle = 120");
            try (Migrator m = Specs.migrator(db, Specs.set(), Specs.FAST, MigrateListener.silent())) {
                assertEquals(List.of("7s", "120", "10", "3"), settings(m));
            }
        }
    }
}
