package dev.keel.rewrite.rules;

import dev.keel.operations.AddEnumValue;
import dev.keel.operations.Operation;
import dev.keel.operations.RemoveEnumValue;
import dev.keel.rewrite.RewriteContext;
import dev.keel.rewrite.SafetyOptions;
import dev.keel.rewrite.SafetyRule;
import dev.keel.rewrite.Step;
import dev.keel.state.Column;
import dev.keel.state.EnumType;
import dev.keel.state.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL cannot take a value out of an enum type, nor move one: keel would rebuild the type
 * ({@link RemoveEnumValue}) and rewrite every column of it under an exclusive lock, which fails while a row holds the
 * value and breaks the code still running that writes it. Refused with the expand and contract steps, unless allowed
 * ({@code --allow-unsafe enum-value-removal}). A value taken out and added again in the same migration is a move.
 */
public final class EnumValueRemovalGuard implements SafetyRule {
    @Override public String name() { return "enum-value-removal"; }

    @Override
    public Optional<List<Step>> rewrite(RewriteContext ctx, Operation op) {
        if (!(op instanceof RemoveEnumValue remove) || ctx.options().allows(SafetyOptions.ENUM_VALUE_REMOVAL)) {
            return Optional.empty();
        }
        EnumType type = ctx.current().enumType(remove.type()).orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        boolean moved = ctx.remaining().stream().anyMatch(o -> o instanceof AddEnumValue add && add.type().equals(remove.type())
                && add.value().equals(remove.value()));
        List<String> columns = ctx.current().columnsOfEnumType(remove.type());
        String fields = fields(ctx, remove.type());
        String where = "enum type " + remove.type() + " (values " + type.values() + (fields.isEmpty() ? "" : "; " + fields) + ")";
        String rewrite = "keel would rebuild the type and rewrite " + (columns.isEmpty() ? "no column" : String.join(", ", columns))
                + " under an exclusive lock";
        if (moved) {
            ctx.refuse(where + ": the value " + remove.value() + " moves to another place among the values. PostgreSQL cannot move"
                    + " an enum value (the type's order is how it sorts and compares them): " + rewrite + "."
                    + "\nTo fix, keep the values in their order:"
                    + "\n  1. in the enum's source file, declare the constants in the type's order " + type.values()
                    + " again (new constants may go anywhere: keel adds them in their place);"
                    + "\n  2. or, if the tables are small or offline, allow the rebuild: keel makemigrations --allow-unsafe enum-value-removal.");
        } else {
            String first = columns.isEmpty() ? "TABLE.COLUMN" : columns.get(0);
            int dot = first.lastIndexOf('.');
            ctx.refuse(where + ": the value " + remove.value() + " is taken out. PostgreSQL cannot drop an enum value: " + rewrite
                    + ", which fails while a row holds " + remove.value() + " and breaks the code still running that writes it."
                    + "\nTo fix, expand and contract over several deploys:"
                    + "\n  1. put the constant " + remove.value() + " back in the enum's source file, stop writing it in the code, deploy;"
                    + "\n  2. move the rows off it in a data migration (keel makemigrations --empty " + ctx.app() + ", then in the new file"
                    + " for each column of the type: UPDATE " + first.substring(0, Math.max(dot, 0)) + " SET "
                    + first.substring(dot + 1) + " = '<another value>' WHERE " + first.substring(dot + 1) + " = '"
                    + remove.value().replace("'", "''") + "'), deploy;"
                    + "\n  3. take the constant out, and allow the rebuild of the type: keel makemigrations --allow-unsafe"
                    + " enum-value-removal (it rewrites the tables: plan it for small tables or a quiet hour).");
        }
        return Optional.of(List.of(Step.deploy(op)));
    }

    /** The fields of the columns of the type, as {@code app.Model.field}. */
    private static String fields(RewriteContext ctx, String type) {
        var result = new ArrayList<String>();
        for (Table t : ctx.current().tables()) {
            for (Column c : t.columns()) {
                if (EnumType.isOfType(c.type(), type)) {
                    result.add("field " + t.app() + "." + (t.entity() == null ? t.model() : t.entity()) + "."
                            + (c.field() == null ? c.name() : c.field()));
                }
            }
        }
        return String.join(", ", result);
    }
}
