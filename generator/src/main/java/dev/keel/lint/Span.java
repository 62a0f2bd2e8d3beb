package dev.keel.lint;

/** The lines of a piece of a migration file, first to last, 1-based. */
public record Span(int first, int last) {
    public Span {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("bad span " + first + ".." + last);
        }
    }

    /** One line. */
    public static Span line(int line) {
        return new Span(line, line);
    }
}
