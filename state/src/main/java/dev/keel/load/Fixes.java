package dev.keel.load;

import com.github.javaparser.ast.Node;

import java.util.Locale;
import java.util.Map;

/** The advice that the source reader's messages share, and plain names for Java constructs. */
final class Fixes {
    static final String INLINE = "write the value inline, or declare it as a private static final constant of"
            + " the class with a literal value";
    static final String VALUES = "use literals, static final constants of this class, keel's constants"
            + " (DeletionAction.DELETE, RunSql.NOOP) and keel's factories";
    static final String FACTORIES = "use keel's factories (import static dev.keel.migration.Operations.*;):"
            + " column(...), table(...), addField(...) and the others, with their builder methods";

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("ForStmt", "a for loop"),
            Map.entry("ForEachStmt", "a for loop"),
            Map.entry("WhileStmt", "a while loop"),
            Map.entry("DoStmt", "a do loop"),
            Map.entry("IfStmt", "an if statement"),
            Map.entry("SwitchStmt", "a switch statement"),
            Map.entry("TryStmt", "a try statement"),
            Map.entry("ReturnStmt", "a return statement"),
            Map.entry("ThrowStmt", "a throw statement"),
            Map.entry("BlockStmt", "a nested block"),
            Map.entry("SynchronizedStmt", "a synchronized block"),
            Map.entry("LocalClassDeclarationStmt", "a local class"),
            Map.entry("LocalRecordDeclarationStmt", "a local record"),
            Map.entry("AssignExpr", "an assignment"),
            Map.entry("LambdaExpr", "a lambda"),
            Map.entry("MethodReferenceExpr", "a method reference"),
            Map.entry("ConditionalExpr", "a conditional (?:) expression"),
            Map.entry("ArrayCreationExpr", "an array"),
            Map.entry("ArrayInitializerExpr", "an array"),
            Map.entry("ArrayAccessExpr", "an array access"),
            Map.entry("CastExpr", "a cast"),
            Map.entry("InstanceOfExpr", "an instanceof test"),
            Map.entry("ClassExpr", "a class literal"),
            Map.entry("SwitchExpr", "a switch expression"),
            Map.entry("ThisExpr", "this"),
            Map.entry("SuperExpr", "super"));

    private Fixes() {}

    /** {@code a for loop}, {@code a lambda}: what a statement or expression is, for messages. */
    static String describe(Node node) {
        String kind = node.getClass().getSimpleName();
        return KINDS.getOrDefault(kind, "a " + kind.replaceAll("(Stmt|Expr)$", "").toLowerCase(Locale.ROOT) + " "
                + (kind.endsWith("Stmt") ? "statement" : "expression"));
    }

    /** What define() may contain. */
    static String statementsOnly() {
        return "write each call out in define(); it may only call " + String.join(", ", ReplayMigration.declarationNames())
                + ", with values built from literals, static final constants of this class and keel's factories";
    }
}
