package dev.keel.runner.internal;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * keel's connection as migration code gets it ({@code MigrationContext.connection()}, {@code Batch.connection()}):
 * the code may not close it, and inside a transaction keel opened (an atomic migration, a batch) it may not
 * end that transaction either. Refused there: {@code commit()}, {@code rollback()}, {@code setAutoCommit(true)},
 * and statements that control the transaction ({@link TransactionControl}: {@code COMMIT}, {@code ROLLBACK},
 * {@code BEGIN}, {@code END}, {@code SET TRANSACTION}...) through any statement the connection makes. Savepoints
 * stay allowed ({@code setSavepoint}, {@code rollback(Savepoint)}, {@code releaseSavepoint}, SQL {@code SAVEPOINT}
 * and {@code ROLLBACK TO}): they undo part of the work without leaving the transaction.
 *
 * <p>A refusal throws a {@link KeelException} before anything reaches the database, and is remembered
 * ({@link #refused()}): code that catches it still fails its step. The driver's own connection
 * ({@code unwrap}) is not guarded; the runner checks after the code that its transaction is still the one it
 * opened.
 */
public final class GuardedConnection {
    private static final Set<String> SQL_METHODS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "addBatch");

    private final Connection keel;
    private final boolean inTransaction;
    private final String where;
    private final String why;
    private final List<String> refused = new ArrayList<>();
    private final List<KeelException> refusals = new ArrayList<>();
    private final Connection proxy;

    /**
     * @param keel          the runner's connection
     * @param inTransaction whether the code runs inside a transaction keel opened (and commits)
     * @param where         the code, for messages: {@code migration blog.0005_fill (fillSlugs)}
     * @param why           why keel owns the transaction, for messages: {@code blog.0005_fill is atomic: ...}
     */
    public GuardedConnection(Connection keel, boolean inTransaction, String where, String why) {
        this.keel = keel;
        this.inTransaction = inTransaction;
        this.where = where;
        this.why = why;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::connectionCall);
    }

    /** The connection to hand to the code. */
    public Connection connection() {
        return proxy;
    }

    /** What the code tried and keel refused, in order ({@code called commit()}); empty when nothing. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private Object connectionCall(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int count = method.getParameterCount();
        if ((name.equals("close") && count == 0) || name.equals("abort")) {
            throw refuse("called " + name + "()", "the connection is keel's: keel goes on with it after the code"
                    + " (it records the migration on it) and closes it when the run ends");
        }
        if (inTransaction) {
            if ((name.equals("commit") || name.equals("rollback")) && count == 0) {
                throw refuse("called " + name + "()", why);
            }
            if (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0])) {
                throw refuse("called setAutoCommit(true)", why); // which commits
            }
            if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args[0] instanceof String sql) {
                check(sql);
            }
        }
        if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(self)) {
            return self;
        }
        Object result = invoke(keel, method, args);
        if (result instanceof Statement statement && (name.equals("createStatement") || name.equals("prepareStatement")
                || name.equals("prepareCall"))) {
            Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                    (s, m, a) -> statementCall(statement, s, m, a));
        }
        return result;
    }

    private Object statementCall(Statement statement, Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("getConnection") && method.getParameterCount() == 0) {
            return proxy;
        }
        if (inTransaction && SQL_METHODS.contains(name) && args != null && args.length > 0 && args[0] instanceof String sql) {
            check(sql);
        }
        if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(self)) {
            return self;
        }
        return invoke(statement, method, args);
    }

    private void check(String sql) {
        String control = TransactionControl.find(sql);
        if (control != null) {
            throw refuse("ran the statement " + control, why);
        }
    }

    /** Whether {@code e} is (or wraps) one of keel's refusals, rather than a failure of the code's own. */
    public boolean isRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (KeelException r : refusals) {
                if (r == t) {
                    return true;
                }
            }
        }
        return false;
    }

    private KeelException refuse(String what, String reason) {
        refused.add(what);
        var e = new KeelException(ErrorKind.INVALID_OPERATION, where + ": keel refused it: the code " + what
                + ", but " + reason + ".");
        refusals.add(e);
        return e;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
