package dev.keel.cli;

import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateListener.Action;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code keel migrate}'s lines printed by a thread of their own ({@link BackgroundPrinter}): the runner's thread does
 * not wait for the output, the lines are those a {@link MigratePrinter} prints, in the order reported, all of them
 * written and flushed once {@link BackgroundPrinter#close} returns, and what comes after it is printed at once.
 */
class BackgroundPrinterTest {
    /** What a run reports: a header, a notice, three migrations (the SQL of one at -v 2), a line of a data migration. */
    private static void run(dev.keel.runner.MigrateListener l) {
        var first = new MigrationKey("shop", "0001_initial");
        var second = new MigrationKey("shop", "0002_add_extra");
        var third = new MigrationKey("shop", "0003_fill");
        l.notice("Waiting for another keel migrate on this database to finish; going on.");
        l.started(first, Action.APPLY);
        l.statement(first, "CREATE TABLE shop_item (\n    id bigint NOT NULL\n)");
        l.finished(first, Action.APPLY, Duration.ofMillis(12));
        l.started(second, Action.APPLY);
        l.finished(second, Action.APPLY, Duration.ofMillis(0));
        l.started(third, Action.APPLY);
        l.log(third, "filled 10 rows");
        l.finished(third, Action.APPLY, Duration.ofMillis(3));
    }

    private static String printed(Writer w, Consumer<MigratePrinter> use) {
        var printer = new MigratePrinter(new PrintWriter(w, true), Ansi.OFF, Verbosity.SQL, Timings.of(Verbosity.NORMAL, null));
        printer.header("Migrating somewhere:");
        use.accept(printer);
        return w.toString();
    }

    @Test
    void theLinesAreThoseOfThePrinterInTheOrderReported() {
        String direct = printed(new StringWriter(), BackgroundPrinterTest::run);
        String background = printed(new StringWriter(), p -> {
            try (var b = new BackgroundPrinter(p)) {
                run(b);
            }
        });
        assertTrue(direct.startsWith("Migrating somewhere:\n  Waiting") || direct.startsWith("  Waiting"), direct);
        assertTrue(direct.contains("Applying shop.0002_add_extra... OK (0 ms)"), direct);
        assertEquals(direct, background);
    }

    /** A writer whose writes wait until {@code open} is counted down (a terminal or a pipe that is slow to read). */
    private static final class Slow extends StringWriter {
        final CountDownLatch open = new CountDownLatch(1);
        int flushes;

        @Override
        public void write(String s, int off, int len) {
            await();
            super.write(s, off, len);
        }

        @Override
        public void write(char[] c, int off, int len) {
            await();
            super.write(c, off, len);
        }

        @Override
        public void write(int c) {
            await();
            super.write(c);
        }

        @Override
        public void flush() {
            flushes++;
        }

        private void await() {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void theRunnersThreadDoesNotWaitForTheOutputAndCloseWaitsForAllOfIt() throws Exception {
        var slow = new Slow();
        String expected = printed(new StringWriter(), BackgroundPrinterTest::run);
        var reported = new CountDownLatch(1);
        String out = printed(slow, p -> {
            try (var b = new BackgroundPrinter(p)) {
                Thread runner = new Thread(() -> {
                    run(b);
                    reported.countDown();
                });
                runner.start();
                // every event is reported while nothing could be written yet
                assertTrue(reported.await(10, TimeUnit.SECONDS), "the reports waited for the output");
                assertEquals("", slow.toString());
                slow.open.countDown();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals(expected, slow.toString()); // all of it once closed
            int flushes = slow.flushes;
            p.notice("after the run");
            assertTrue(slow.flushes > flushes, "printed and flushed at once after close");
        });
        assertTrue(out.endsWith("  after the run\n"), out);
    }
}
