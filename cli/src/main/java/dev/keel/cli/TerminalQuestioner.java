package dev.keel.cli;

import dev.keel.diff.FieldRef;
import dev.keel.diff.NonInteractiveQuestioner;
import dev.keel.diff.Questioner;
import dev.keel.state.Column;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/** Asks the user at the terminal; used only when standard input and output are a terminal. */
final class TerminalQuestioner implements Questioner {
    private final BufferedReader in;
    private final PrintWriter out;

    TerminalQuestioner(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /** The questioner for this process: the terminal when there is one, else the non-interactive one. */
    static Questioner forThisProcess(boolean allowPrompts, PrintWriter out) {
        return forThisProcess(allowPrompts, out, false);
    }

    /**
     * A terminal's questioner when keel may prompt; otherwise one that stops at a likely rename, unless
     * {@code notRenamed} says the likely renames are not renames.
     */
    static Questioner forThisProcess(boolean allowPrompts, PrintWriter out, boolean notRenamed) {
        if (allowPrompts && System.console() != null) {
            return new TerminalQuestioner(new BufferedReader(System.console().reader()), out);
        }
        return notRenamed ? new NonInteractiveQuestioner() : NonInteractiveQuestioner.stoppingAtLikelyRenames();
    }

    @Override
    public Optional<String> defaultForNotNullAdd(FieldRef field, Column column) {
        String answer = ask("Field " + field + " adds a NOT NULL column " + column.name() + " (" + column.type()
                + ") to a table that has rows. Database default for them, as SQL (for example 0, '' or now()); it stays"
                + " the column's database default, so that inserts of the code still running during the deploy work;"
                + " empty to stop and fix the entity instead: ");
        return answer.isBlank() ? Optional.empty() : Optional.of(answer.strip());
    }

    @Override
    public Optional<String> usingForTypeChange(FieldRef field, Column column, String newType, String example) {
        String answer = ask("Field " + field + " changes column " + column.name() + " from " + column.type() + " to " + newType
                + ", and keel has no safe conversion of the existing values. keel fills a new column beside the old one"
                + " and switches to it after the deploy. SQL expression giving the new value from column " + column.name()
                + " (for example " + example + "); empty to stop: ");
        return answer.isBlank() ? Optional.empty() : Optional.of(answer.strip());
    }

    @Override
    public boolean isRename(FieldRef removed, FieldRef added) {
        return yes("Was " + removed + " renamed to " + added.field() + "? [y/N] ");
    }

    @Override
    public boolean isModelRename(String app, String removedModel, String addedModel) {
        return yes("Was model " + app + "." + removedModel + " renamed to " + addedModel + "? [y/N] ");
    }

    private boolean yes(String question) {
        String a = ask(question).strip().toLowerCase();
        return a.equals("y") || a.equals("yes");
    }

    private String ask(String question) {
        out.print(question);
        out.flush();
        try {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }
}
