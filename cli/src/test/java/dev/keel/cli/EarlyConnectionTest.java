package dev.keel.cli;

import dev.keel.runner.testing.TestDatabase;
import dev.keel.runner.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel migrate}'s connection started before picocli parses the arguments: the reading of the arguments agrees
 * with picocli's wherever it starts one, starts none where it is not sure, and the run then opens one connection, not two,
 * and still opens its own when the early one is not to the database the parsed options name.
 */
class EarlyConnectionTest {
    @TempDir Path dir;

    /** What picocli's parse of {@code args} gives for what {@link EarlyConnection#peek} reads, in the same form. */
    private static EarlyConnection.Peeked parsed(String[] args) {
        CommandLine line = Keel.commandLine(MigrationSource.standard(), Entities.standard(), "migrate");
        CommandLine.ParseResult result = line.parseArgs(args);
        Keel keel = line.getCommand();
        MigrateCommand migrate = (MigrateCommand) result.subcommand().commandSpec().userObject();
        @SuppressWarnings("unchecked")
        List<Path> directories = (List<Path>) result.commandSpec().findOption("-C").getValue();
        boolean plain = migrate.app == null && migrate.target == null && !migrate.plan && !migrate.fake
                && !migrate.postDeploy && !migrate.repairChecksum;
        return new EarlyConnection.Peeked(List.copyOf(directories), keel.configFile(), migrate.db.url,
                migrate.db.databaseName, migrate.db.target, plain);
    }

    @Test
    void readsTheDatabaseOptionsAsPicocliDoes() {
        List<String[]> cases = List.of(
                new String[] {"migrate"},
                new String[] {"migrate", "--url", "jdbc:postgresql://h:5432/db?user=u"},
                new String[] {"migrate", "--url=jdbc:postgresql://h/db?user=u&password=a=b"},
                new String[] {"-C", "a", "-C", "b", "--config", "k.json", "migrate", "--database", "control"},
                new String[] {"--config=k.json", "-v", "3", "migrate", "--target", "eu", "--database=main"},
                new String[] {"-v3", "migrate", "blog", "0003", "--post-deploy", "--json", "-v", "2"},
                new String[] {"migrate", "--plan", "--large-table-rows", "10", "--classpath", "target/classes", "--url", "jdbc:postgresql://h/x"},
                new String[] {"migrate", "--fake", "--sources", "--parallel=2", "--keep-going", "shop"},
                new String[] {"--libraries", "lib/a.jar", "migrate", "--repair-checksum", "blog", "0002"});
        for (String[] args : cases) {
            Optional<EarlyConnection.Peeked> peeked = EarlyConnection.peek(args);
            assertTrue(peeked.isPresent(), String.join(" ", args));
            assertEquals(parsed(args), peeked.get(), String.join(" ", args));
        }
    }

    @Test
    void startsNothingWhereItIsNotSure() {
        List<String[]> cases = List.of(
                new String[] {"makemigrations"},
                new String[] {"migrate", "--check"},
                new String[] {"migrate", "--prune"},
                new String[] {"migrate", "--all-targets"},
                new String[] {"migrate", "--help"},
                new String[] {"migrate", "-h"},
                new String[] {"--help", "migrate"},
                new String[] {"migrate", "@more-args"},
                new String[] {"migrate", "--", "--url"},
                new String[] {"migrate", "--url", "jdbc:postgresql://a/x", "--url", "jdbc:postgresql://b/x"},
                new String[] {"migrate", "--url"},
                new String[] {"migrate", "--database", "--url"},
                new String[] {"migrate", "--urll", "jdbc:postgresql://a/x"},
                new String[] {"-Cdir", "migrate"},
                new String[] {"--config", "a.json", "--config", "b.json", "migrate"},
                new String[] {"-V", "migrate"});
        for (String[] args : cases) {
            assertEquals(Optional.empty(), EarlyConnection.peek(args), String.join(" ", args));
        }
    }

    /** A project with one migration creating a table. */
    private Path project() throws Exception {
        KeelRun.shopProject(dir, "CREATE TABLE invoice (id bigint PRIMARY KEY)", "DROP TABLE invoice");
        return dir;
    }

    @Test
    void migrateOpensOneConnectionStartedBeforeParsing() throws Exception {
        Path project = project();
        try (TestDatabase db = TestPostgres.freshDatabase(); Relay relay = new Relay(URI.create(db.url().substring(5)))) {
            String url = relay.url(db);
            KeelRun run = KeelRun.runAsMain("-C", project.toString(), "migrate", "--url", url);
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("shop.0001_initial"), run.out());
            assertEquals(1, relay.accepted.get(), "one connection for the run: the one started before parsing");
            try (var c = db.connect(); var st = c.createStatement();
                 ResultSet r = st.executeQuery("SELECT count(*) FROM keel_migrations")) {
                r.next();
                assertEquals(1, r.getInt(1));
            }

            // --url=URL, one argument: the same
            KeelRun again = KeelRun.runAsMain("-C", project.toString(), "migrate", "--url=" + url);
            assertTrue(again.exit() == 0 && (again.out() + again.err()).contains("No migrations to apply"), again.toString());
            assertEquals(2, relay.accepted.get());
        }
    }

    @Test
    void anEarlyConnectionToAnotherDatabaseIsNotUsed() throws Exception {
        Path project = project();
        try (TestDatabase db = TestPostgres.freshDatabase(); Relay relay = new Relay(URI.create(db.url().substring(5)))) {
            String url = relay.url(db);
            // the early reading is given other arguments than those parsed: its connection (through the relay) is closed,
            // and the run opens its own to the database the parsed ones name (directly)
            CommandLine line = Keel.forArguments(new String[] {"-C", project.toString(), "migrate", "--url", url},
                    MigrationSource.standard(), Entities.standard());
            var out = new StringWriter();
            line.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true));
            int exit = line.execute("-C", project.toString(), "migrate", "--url", SampleProject.url(db));
            assertEquals(0, exit, out.toString());
            assertTrue(out.toString().contains("shop.0001_initial"), out.toString());
            relay.awaitClosed(1);
            assertEquals(1, relay.accepted.get(), "the early connection was opened");
            assertEquals(1, relay.closed.get(), "and closed unused");
        }
    }

    /** A TCP relay to the test server that counts the connections made through it. */
    private static final class Relay implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        private final ServerSocket server;
        private final URI target;

        Relay(URI target) throws Exception {
            this.target = target;
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::accept, "relay");
            t.setDaemon(true);
            t.start();
        }

        /** {@code db}'s URL through this relay. */
        String url(TestDatabase db) {
            return SampleProject.url(db).replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + server.getLocalPort());
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    accepted.incrementAndGet();
                    Socket upstream = new Socket(target.getHost(), target.getPort());
                    pipe(client, upstream, true);
                    pipe(upstream, client, false);
                } catch (Exception e) {
                    return;
                }
            }
        }

        private void pipe(Socket from, Socket to, boolean counts) {
            Thread t = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (Exception ignored) {
                    // one side went away
                } finally {
                    if (counts) {
                        closed.incrementAndGet();
                    }
                    try {
                        from.close();
                        to.close();
                    } catch (Exception ignored) {
                        // closing
                    }
                }
            }, "relay-pipe");
            t.setDaemon(true);
            t.start();
        }

        void awaitClosed(int n) throws InterruptedException {
            for (int i = 0; i < 100 && closed.get() < n; i++) {
                Thread.sleep(50);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
