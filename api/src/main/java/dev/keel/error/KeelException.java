package dev.keel.error;

import java.util.List;

/**
 * A failure with a kind, a message that says what is wrong and where, and what to do about it.
 * Messages follow one shape: {@code where: what} on the first line, then {@code To fix: ...}.
 */
public class KeelException extends RuntimeException {
    private final ErrorKind kind;
    private final List<String> problems;

    public KeelException(ErrorKind kind, String message) {
        this(kind, List.of(message));
    }

    public KeelException(ErrorKind kind, List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a KeelException needs at least one problem");
        }
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public KeelException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.problems = List.of(message);
    }

    /** What kind of failure this is; the CLI turns it into an exit code. */
    public ErrorKind kind() {
        return kind;
    }

    /** Every offender, one message each (a scan reports all broken files, not just the first). */
    public List<String> problems() {
        return problems;
    }
}
