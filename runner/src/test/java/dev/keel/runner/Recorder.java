package dev.keel.runner;

import dev.keel.migration.MigrationKey;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A listener that keeps what it is told, and may act on notices. */
final class Recorder implements MigrateListener {
    final List<String> notices = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> logs = new CopyOnWriteArrayList<>();
    /** The phases timed ({@link MigrateListener#phase}), by name, in order. */
    final List<String> phases = new CopyOnWriteArrayList<>();
    private final Consumer<String> onNotice;

    Recorder() {
        this(n -> {});
    }

    Recorder(Consumer<String> onNotice) {
        this.onNotice = onNotice;
    }

    @Override
    public void notice(String message) {
        notices.add(message);
        onNotice.accept(message);
    }

    @Override
    public void log(MigrationKey key, String line) {
        logs.add(key + ": " + line);
    }

    @Override
    public void started(MigrationKey key, Action action) {
        events.add(action.verb() + " " + key);
    }

    @Override
    public void finished(MigrationKey key, Action action, Duration took) {
        events.add("done " + key);
    }

    @Override
    public void phase(String name, Duration took) {
        phases.add(name);
    }
}
