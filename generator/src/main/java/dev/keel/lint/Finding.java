package dev.keel.lint;

import java.util.Objects;

/**
 * One thing lint found: where ({@code file:line}), which rule, what is wrong here, why it is dangerous,
 * and the safe form.
 */
public record Finding(String file, int line, String rule, String message, String why, String fix) {
    public Finding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** The finding as the terminal shows it, in the manner of Rust's compiler. */
    public String render() {
        return "error[" + rule + "]: " + message + "\n"
                + "  --> " + file + ":" + line + "\n"
                + "   = why: " + why + "\n"
                + "   = fix: " + fix + "\n"
                + "   = allow: " + allow() + "\n";
    }

    /**
     * How to let it through, as {@code render()} and {@code keel lint --json} say it: a Java comment on the operation's
     * line, an SQL comment above a plain SQL file's statement.
     */
    public String allow() {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")
                ? "if it is safe here, say why on the line above the statement: -- keel:allow " + rule + ": <reason>"
                : "if it is safe here, say why on the operation's line: // keel:allow " + rule + ": <reason>";
    }
}
