package dev.keel.scan.internal;

import java.util.Locale;

/**
 * A physical database identifier as Hibernate holds it: its text and whether it is quoted.
 * PostgreSQL folds unquoted identifiers to lower case, so the name the database (and keel's state)
 * holds is {@link #db()}; Hibernate's hashed constraint names are computed from {@link #render()}.
 */
public record Ident(String text, boolean quoted) {
    public Ident {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
    }

    /** Reads a name as written in a mapping: {@code `Name`} or {@code "Name"} is quoted. */
    public static Ident parse(String written) {
        String s = written.strip();
        if (s.length() > 2 && (s.startsWith("`") && s.endsWith("`") || s.startsWith("\"") && s.endsWith("\""))) {
            return new Ident(s.substring(1, s.length() - 1), true);
        }
        return new Ident(s, false);
    }

    /**
     * {@code id}, quoted when {@code quote} holds (Hibernate quotes an implicit join or collection table name when the
     * owner's or the target's table name is quoted).
     */
    public static Ident quotedIf(Ident id, boolean quote) {
        return quote && !id.quoted() ? new Ident(id.text(), true) : id;
    }

    /** The name the database holds: folded when unquoted, cut to PostgreSQL's 63 bytes. */
    public String db() {
        return PgNames.truncate(quoted ? text : text.toLowerCase(Locale.ROOT));
    }

    /** Hibernate's {@code Identifier.render()}: the text, in back-ticks when quoted. */
    public String render() {
        return quoted ? "`" + text + "`" : text;
    }

    /** The name as Hibernate writes it in SQL (double quotes when quoted). */
    public String sql() {
        return quoted ? "\"" + text + "\"" : text;
    }

    @Override
    public String toString() {
        return render();
    }

    /*
     * equals and hashCode written out, as Java's record methods define them (the same components, the same hash:
     * RecordMethodsTest compares them with java.lang.runtime.ObjectMethods'): those are linked through method
     * handles on first use, a few milliseconds of a short command each, which no class-data archive keeps.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Ident other
                && quoted == other.quoted
                && java.util.Objects.equals(text, other.text);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + java.util.Objects.hashCode(text);
        h = 31 * h + Boolean.hashCode(quoted);
        return h;
    }
}
