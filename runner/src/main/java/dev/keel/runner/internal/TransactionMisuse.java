package dev.keel.runner.internal;

import java.util.List;

/**
 * A step's code (or SQL) tried to end, or ended, the transaction keel opened for it, or left one of its own
 * open: {@link Failures} says so, and what of the migration stays. It never carries an SQL cause, so a
 * lock timeout the code met afterwards is not retried (a retry would repeat what was committed).
 */
final class TransactionMisuse extends Exception {
    /** What happened to keel's transaction. */
    enum Outcome {
        /** Refused before it reached the database: keel's transaction is intact. */
        REFUSED,
        /** The transaction keel opened is gone (committed or rolled back by the code): what stays is unknown. */
        ENDED,
        /** The code of a non-atomic migration left a transaction open, which keel rolled back. */
        LEFT_OPEN
    }

    private final Outcome outcome;
    private final List<String> what;
    private final Exception codeFailure;

    /**
     * @param what        what the code did ({@code called commit()}), in order; empty when keel only saw the result
     * @param codeFailure what the code threw, or null
     */
    TransactionMisuse(Outcome outcome, List<String> what, Exception codeFailure) {
        super(outcome + " " + what, null, false, false);
        this.outcome = outcome;
        this.what = List.copyOf(what);
        this.codeFailure = codeFailure;
    }

    Outcome outcome() {
        return outcome;
    }

    List<String> what() {
        return what;
    }

    /** What the code threw, besides keel's refusal (null when it threw nothing else). */
    Exception codeFailure() {
        return codeFailure;
    }
}
