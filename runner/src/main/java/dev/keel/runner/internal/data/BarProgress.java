package dev.keel.runner.internal.data;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;

/**
 * Backfill progress as a bar on the terminal (standard error), drawn by {@code me.tongfei:progressbar}:
 * rows done of the estimated total, rows per second, elapsed time and an estimate of what is left.
 */
public final class BarProgress implements ProgressDisplay {
    private final ProgressBar bar;

    /**
     * @param task       what walks, shown before the bar
     * @param total      the estimated rows of the table, or a negative number when unknown
     * @param doneBefore rows an earlier run already walked (the bar starts there)
     */
    public BarProgress(String task, long total, long doneBefore) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total < 0 ? -1 : Math.max(total, doneBefore))
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" rows", 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .startsFrom(doneBefore, Duration.ZERO)
                .build();
    }

    @Override
    public void advanced(long rows) {
        bar.stepBy(rows);
        if (bar.getMax() >= 0 && bar.getCurrent() > bar.getMax()) {
            bar.maxHint(bar.getCurrent());
        }
    }

    @Override
    public void close() {
        bar.close();
    }
}
