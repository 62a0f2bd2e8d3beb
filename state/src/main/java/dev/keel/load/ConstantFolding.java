package dev.keel.load;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * Literals and the operators on them that a migration may use, with Java's types and results:
 * string concatenation ({@code "varchar(" + LENGTH + ")"}), integer arithmetic, unary minus and
 * {@code !}.
 */
final class ConstantFolding {
    private ConstantFolding() {}

    /** The value of a literal expression; empty when {@code e} is not a literal. */
    static Optional<Typed> literal(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            // asString() unescapes through JavaParser's translators (a writer and a buffer per literal): a literal
            // without a backslash is its own value
            String value = s.getValue();
            return Optional.of(new Typed(value.indexOf('\\') < 0 ? value : s.asString(), String.class));
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return Optional.of(new Typed(t.asString(), String.class));
        }
        if (e instanceof CharLiteralExpr c) {
            return Optional.of(new Typed(c.asChar(), char.class));
        }
        if (e instanceof BooleanLiteralExpr b) {
            return Optional.of(new Typed(b.getValue(), boolean.class));
        }
        if (e instanceof IntegerLiteralExpr i) {
            Number n = i.asNumber();
            // 2147483648 is only legal after a minus sign, which unary() applies.
            return Optional.of(n instanceof Integer ? new Typed(n, int.class) : new Typed(n.longValue(), int.class));
        }
        if (e instanceof LongLiteralExpr l) {
            Number n = l.asNumber();
            return Optional.of(new Typed(n instanceof BigInteger b ? b.longValue() : n.longValue(), long.class));
        }
        if (e instanceof DoubleLiteralExpr d) {
            boolean isFloat = d.getValue().toLowerCase(Locale.ROOT).endsWith("f");
            return Optional.of(isFloat ? new Typed((float) d.asDouble(), float.class) : new Typed(d.asDouble(), double.class));
        }
        if (e instanceof NullLiteralExpr) {
            return Optional.of(Typed.NULL);
        }
        return Optional.empty();
    }

    /** {@code -x}, {@code +x}, {@code !x}. */
    static Typed unary(UnaryExpr.Operator op, Typed operand, Node at) {
        if (op == UnaryExpr.Operator.LOGICAL_COMPLEMENT && operand.type() == boolean.class) {
            return new Typed(!(Boolean) operand.value(), boolean.class);
        }
        if ((op == UnaryExpr.Operator.MINUS || op == UnaryExpr.Operator.PLUS) && isNumeric(operand.type())) {
            Class<?> type = promote(operand.type(), int.class);
            Number n = number(operand.value());
            if (op == UnaryExpr.Operator.PLUS) {
                return new Typed(convert(n, type), type);
            }
            if (type == int.class) {
                return new Typed((int) -n.longValue(), type);
            }
            if (type == long.class) {
                return new Typed(-n.longValue(), type);
            }
            return new Typed(convert(-n.doubleValue(), type), type);
        }
        throw new Unreadable(at, "the operator " + op.asString() + " on a value of type " + name(operand.type()),
                "write the resulting value as a literal");
    }

    /** {@code a + b} (numbers or strings), {@code a - b}, {@code a * b}, {@code a / b}, {@code a % b}. */
    static Typed binary(BinaryExpr.Operator op, Typed left, Typed right, Node at) {
        if (op == BinaryExpr.Operator.PLUS && (left.isString() || right.isString())) {
            return new Typed(String.valueOf(left.value()) + right.value(), String.class);
        }
        if (!isNumeric(left.type()) || !isNumeric(right.type())) {
            throw new Unreadable(at, "the operator " + op.asString() + " on values of types " + name(left.type()) + " and "
                    + name(right.type()), "write the resulting value as a literal");
        }
        Class<?> type = promote(promote(left.type(), right.type()), int.class);
        Number a = number(left.value());
        Number b = number(right.value());
        if (type == int.class || type == long.class) {
            return new Typed(convert(integral(op, a.longValue(), b.longValue(), type, at), type), type);
        }
        return new Typed(convert(floating(op, a.doubleValue(), b.doubleValue(), at), type), type);
    }

    private static long integral(BinaryExpr.Operator op, long a, long b, Class<?> type, Node at) {
        if ((op == BinaryExpr.Operator.DIVIDE || op == BinaryExpr.Operator.REMAINDER) && b == 0) {
            throw new Unreadable(at, "a division by zero", "correct the expression");
        }
        long r = switch (op) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case REMAINDER -> a % b;
            default -> throw unsupported(op, at);
        };
        return type == int.class ? (int) r : r;
    }

    private static double floating(BinaryExpr.Operator op, double a, double b, Node at) {
        return switch (op) {
            case PLUS -> a + b;
            case MINUS -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case REMAINDER -> a % b;
            default -> throw unsupported(op, at);
        };
    }

    private static Unreadable unsupported(BinaryExpr.Operator op, Node at) {
        return new Unreadable(at, "the operator " + op.asString(), "write the resulting value as a literal");
    }

    /** A value converted to a declared primitive type ({@code static final long N = 5;}); others unchanged. */
    static Typed coerce(Typed value, Class<?> declared) {
        if (declared.isPrimitive() && isNumeric(value.type()) && declared != boolean.class) {
            return new Typed(convert(number(value.value()), declared), declared);
        }
        return value;
    }

    /** A numeric primitive's value as a number ({@code char} counts as its code). */
    private static Number number(Object value) {
        return value instanceof Character c ? Integer.valueOf(c) : (Number) value;
    }

    private static Object convert(Number n, Class<?> type) {
        if (type == int.class) {
            return n.intValue();
        }
        if (type == long.class) {
            return n.longValue();
        }
        if (type == short.class) {
            return n.shortValue();
        }
        if (type == byte.class) {
            return n.byteValue();
        }
        if (type == char.class) {
            return (char) n.intValue();
        }
        if (type == float.class) {
            return n.floatValue();
        }
        return n.doubleValue();
    }

    private static boolean isNumeric(Class<?> type) {
        return type != null && type.isPrimitive() && type != boolean.class && type != void.class;
    }

    /** Binary numeric promotion: the wider of two primitive types, at least {@code int}. */
    private static Class<?> promote(Class<?> a, Class<?> b) {
        for (Class<?> t : new Class<?>[] {double.class, float.class, long.class}) {
            if (a == t || b == t) {
                return t;
            }
        }
        return int.class;
    }

    private static String name(Class<?> type) {
        return type == null ? "null" : type.getSimpleName();
    }
}
