package dev.keel.diff;

/**
 * One step of the autodetector: looks at the difference between {@link DiffContext#current()} and
 * {@link DiffContext#target()} for one kind of change and emits operations for it. Rules do no I/O;
 * decisions go to the context's questioner.
 */
public interface DetectionRule {
    /** Emits the operations for this rule's kind of change. */
    void detect(DiffContext context);
}
