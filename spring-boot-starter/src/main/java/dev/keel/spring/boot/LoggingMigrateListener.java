package dev.keel.spring.boot;

import dev.keel.migration.MigrationKey;
import dev.keel.runner.MigrateListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.time.Duration;

/** What the runner does, in the application's log (category {@code dev.keel}): what keel migrate prints. */
final class LoggingMigrateListener implements MigrateListener {
    private static final Log log = LogFactory.getLog("dev.keel.migrate");

    @Override
    public void notice(String message) {
        log.info(message);
    }

    @Override
    public void started(MigrationKey key, Action action) {
        log.info(action.verb() + " " + key + "...");
    }

    @Override
    public void finished(MigrationKey key, Action action, Duration took) {
        log.info(action.verb() + " " + key + ": OK (" + took.toMillis() + " ms)");
    }

    @Override
    public void log(MigrationKey key, String line) {
        log.info(key + ": " + line);
    }
}
