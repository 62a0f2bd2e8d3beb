package dev.keel.rewrite.conversions;

import dev.keel.state.CheckConstraint;
import dev.keel.state.Constraint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.keel.rewrite.conversions.SqlExpressions.ident;

/**
 * An enum column whose storage changes between {@code @Enumerated(ORDINAL)} ({@code smallint}, checked
 * {@code col between 0 and N-1}) and {@code @Enumerated(STRING)} ({@code varchar}, checked {@code col in ('A', ...)}):
 * the expression that maps each ordinal to its constant's name, or back, read from the check constraint that lists
 * the names in the enum's declaration order. A cast ({@code status::varchar}) would write {@code '0'}, {@code '1'}...
 * where the new check expects names. It is offered as the example to give with {@code --using}, not applied on its
 * own: the mapping holds only if the constants kept their order in the same change.
 */
public final class EnumStorage {
    private static final Pattern BETWEEN = Pattern.compile(
            "(?i)^\\(*\\s*(\"?[\\w$]+\"?)\\s+between\\s+0\\s+and\\s+(\\d+)\\s*\\)*$");
    private static final Pattern IN = Pattern.compile("(?is)^\\(*\\s*(\"?[\\w$]+\"?)\\s+in\\s*\\((.*?)\\)\\s*\\)*$");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private EnumStorage() {}

    /**
     * The expression converting column {@code column} from {@code from} to {@code to} when it holds an enum whose
     * storage changes, read from {@code constraints} (the table's before the change and those the change adds);
     * empty when the column is not such an enum or the constraints disagree on the number of constants.
     */
    public static Optional<String> conversion(String column, String from, String to, Collection<? extends Constraint> constraints) {
        boolean toNames = INTEGERS.contains(from) && text(to);
        boolean toOrdinals = text(from) && INTEGERS.contains(to);
        if (!toNames && !toOrdinals) {
            return Optional.empty();
        }
        List<String> names = null;
        Integer last = null;
        for (Constraint c : constraints) {
            if (!(c instanceof CheckConstraint check)) {
                continue;
            }
            String expression = check.expression().strip();
            Matcher between = BETWEEN.matcher(expression);
            if (between.matches() && sameColumn(between.group(1), column)) {
                last = Integer.parseInt(between.group(2));
                continue;
            }
            Matcher in = IN.matcher(expression);
            if (in.matches() && sameColumn(in.group(1), column)) {
                names = literals(in.group(2)).orElse(null);
            }
        }
        if (names == null || names.isEmpty() || last != null && last != names.size() - 1) {
            return Optional.empty();
        }
        var sql = new StringBuilder("CASE ").append(ident(column));
        for (int i = 0; i < names.size(); i++) {
            String name = dev.keel.rewrite.SqlText.literal(names.get(i));
            sql.append(" WHEN ").append(toNames ? String.valueOf(i) : name).append(" THEN ").append(toNames ? name : String.valueOf(i));
        }
        return Optional.of(sql.append(" END").toString());
    }

    /**
     * {@link #conversion(String, String, String, Collection)} of a column of {@code model}, over {@code constraints}
     * and those the {@code operations} add to the model's table.
     */
    public static Optional<String> conversion(String column, String from, String to, Collection<? extends Constraint> constraints,
                                              List<dev.keel.operations.Operation> operations, String model) {
        var all = new ArrayList<Constraint>(constraints);
        for (var op : operations) {
            if (op instanceof dev.keel.operations.AddConstraint add && add.model().equals(model)) {
                all.add(add.constraint());
            }
        }
        return conversion(column, from, to, all);
    }

    private static boolean text(String type) {
        return type.startsWith("varchar") || type.equals("text") || type.startsWith("char");
    }

    private static boolean sameColumn(String written, String column) {
        String bare = written.startsWith("\"") ? written.substring(1, written.length() - 1) : written.toLowerCase(java.util.Locale.ROOT);
        return bare.equals(column);
    }

    /** The string literals of an {@code IN} list ({@code 'A','B'}), or empty when it holds anything else. */
    private static Optional<List<String>> literals(String list) {
        var out = new ArrayList<String>();
        int i = 0;
        while (i < list.length()) {
            char ch = list.charAt(i);
            if (Character.isWhitespace(ch) || ch == ',' && !out.isEmpty()) {
                i++;
                continue;
            }
            if (ch != '\'') {
                return Optional.empty();
            }
            var value = new StringBuilder();
            i++;
            while (true) {
                if (i >= list.length()) {
                    return Optional.empty();
                }
                char c = list.charAt(i++);
                if (c == '\'') {
                    if (i < list.length() && list.charAt(i) == '\'') {
                        value.append('\'');
                        i++;
                        continue;
                    }
                    break;
                }
                value.append(c);
            }
            out.add(value.toString());
        }
        return Optional.of(out);
    }
}
