package dev.keel.load;

import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.AddIndex;
import dev.keel.operations.CreateModel;
import dev.keel.operations.CreateSequence;
import dev.keel.operations.DeletionAction;
import dev.keel.operations.RunSql;
import dev.keel.operations.SafeRemoveField;
import dev.keel.state.Identity;
import dev.keel.state.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceMigrationReaderTest {
    private static final Path KITCHEN_SINK = Path.of("src/test/resources/reader/kitchen/M0007_kitchen_sink.java");
    private static final String HEADER = """
            package com.example.blog.migrations;

            import dev.keel.migration.Migration;

            import static dev.keel.migration.Operations.*;

            """;

    @TempDir
    Path dir;

    private final SourceMigrationReader reader = new SourceMigrationReader();

    // ---- what the reader understands ------------------------------------------------------------

    @Test
    void readsEveryConstructOfTheKitchenSink() {
        MigrationSpec spec = reader.read(KITCHEN_SINK, "shop");

        assertEquals(new MigrationKey("shop", "0007_kitchen_sink"), spec.key());
        assertEquals(List.of(new MigrationKey("shop", "0006_previous"), new MigrationKey("blog", "0001_initial")),
                spec.dependencies());
        assertEquals(List.of(new MigrationKey("shop", "0006a_old")), spec.replaces());
        assertFalse(spec.atomic());
        assertTrue(spec.postDeployment());
        assertEquals(12, spec.operations().size());

        var sequence = (CreateSequence) spec.operations().get(0);
        assertEquals("shop_order_seq", sequence.sequence().name());
        assertEquals(1000, sequence.sequence().start());
        assertEquals(50, sequence.sequence().increment());

        Table order = ((CreateModel) spec.operations().get(1)).table();
        assertEquals("sales.shop_order", order.qualifiedName());
        assertEquals(Identity.BY_DEFAULT, order.findField("id").orElseThrow().identity());
        assertEquals("bigint", order.findField("id").orElseThrow().type());
        assertEquals("varchar(12)", order.findField("code").orElseThrow().type());
        assertEquals("'new'", order.findField("status").orElseThrow().defaultSql());
        assertEquals("café \"quoted\"\n", order.findField("note").orElseThrow().comment());
        assertEquals("numeric(10,2)", order.findField("total").orElseThrow().type());
        assertEquals("0", order.findField("total").orElseThrow().defaultSql());
        assertTrue(order.uniques().get(0).isDeferrable());
        assertFalse(order.checks().get(0).validated());
        assertEquals("status IS NOT NULL", order.indexes().get(0).where());

        assertTrue(((AddIndex) spec.operations().get(2)).isConcurrent());
        assertEquals(DeletionAction.MOVE_TO_PENDING, ((SafeRemoveField) spec.operations().get(5)).action());
        var view = (RunSql) spec.operations().get(7);
        assertEquals("CREATE VIEW open_orders AS\n  SELECT * FROM shop_order WHERE status = 'new'\tAND total > 0    \n",
                view.sql());
        assertEquals(RunSql.NOOP, view.reverseSql());
        assertEquals(null, ((RunSql) spec.operations().get(8)).reverseSql());
    }

    @Test
    void theKitchenSinkReadsAsItCompiles() {
        MigrationSpec fromSource = reader.read(KITCHEN_SINK, "shop");

        ClassLoader loader = MigrationCompiler.compile(List.of(KITCHEN_SINK), dir.resolve("classes"));
        List<MigrationSpec> compiled = CompiledMigrationLoader.load(loader, "com.example.shop.migrations", "shop");

        assertEquals(1, compiled.size());
        assertTrue(fromSource.sameDefinition(compiled.get(0)), () -> fromSource + "\n  vs\n" + compiled.get(0));
    }

    @Test
    void overloadsAreChosenByArgumentCount() throws IOException {
        Path file = write("M0002_sql", """
                public final class M0002_sql extends Migration {
                    @Override protected void define() {
                        operations(runSql("SELECT 1"), runSql("SELECT 2", "SELECT 3"));
                    }
                }
                """);

        List<?> ops = reader.read(file, "blog").operations();

        assertEquals(List.of(new RunSql("SELECT 1", null), new RunSql("SELECT 2", "SELECT 3")), ops);
    }

    @Test
    void aStaticallyImportedEnumConstantIsRead() throws IOException {
        Path file = write("M0002_remove", """
                import static dev.keel.operations.DeletionAction.*;

                public final class M0002_remove extends Migration {
                    @Override protected void define() {
                        operations(safeRemoveField("post", "flag", DELETE));
                    }
                }
                """);

        assertEquals(List.of(new SafeRemoveField("post", "flag", DeletionAction.DELETE)),
                reader.read(file, "blog").operations());
    }

    // ---- what it reports --------------------------------------------------------------------------

    @Test
    void aLocalVariableIsReportedWithFileLineAndColumn() throws IOException {
        Path file = write("M0002_local", """
                public final class M0002_local extends Migration {
                    @Override protected void define() {
                        String model = "post";
                        operations(deleteModel(model));
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(file + ":9:9: a local variable (String model = \"post\")"), e.getMessage());
        assertTrue(e.problems().get(0).contains("9 |         String model = \"post\";"), e.getMessage());
        assertTrue(e.problems().get(0).contains("  |         ^^^^^^^^^^^^^^^^^^^^^"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith(file + ":10:32: uses the local variable model (declared at line 9)"),
                e.getMessage());
    }

    @Test
    void aCallOnAnUnknownThingIsReported() throws IOException {
        Path file = write("M0002_helper", """
                public final class M0002_helper extends Migration {
                    @Override protected void define() {
                        operations(Helpers.dropPost());
                        operations(deleteModel(naming.table("post")));
                        dependsOn("blog", previous());
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(file + ":9:20: unknown name Helpers"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith(file + ":10:32: unknown name naming"), e.getMessage());
        assertTrue(e.problems().get(2).startsWith(file + ":11:27: calls previous(...), which is neither a keel factory"),
                e.getMessage());
    }

    @Test
    void newIsReported() throws IOException {
        Path file = write("M0002_new", """
                public final class M0002_new extends Migration {
                    @Override protected void define() {
                        operations(new dev.keel.operations.DeleteModel("post"));
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertTrue(e.problems().get(0).startsWith(file + ":9:20: creates an object with new dev.keel.operations.DeleteModel(...)"),
                e.getMessage());
        assertTrue(e.problems().get(0).contains("To fix: use keel's factories"), e.getMessage());
    }

    @Test
    void aFieldThatIsNotStaticFinalIsReported() throws IOException {
        Path file = write("M0002_field", """
                public final class M0002_field extends Migration {
                    private static String model = "post";

                    @Override protected void define() {
                        operations(deleteModel(model));
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertTrue(e.problems().get(0).startsWith(file + ":11:32: uses the field model (line 8), which is not a static final"),
                e.getMessage());
        assertTrue(e.problems().get(0).contains("To fix: declare it as private static final String model = <literal>;"),
                e.getMessage());
    }

    @Test
    void applicationCodeIsReported() throws IOException {
        Path file = write("M0002_app", """
                import com.example.blog.Post;

                public final class M0002_app extends Migration {
                    @Override protected void define() {
                        operations(deleteModel(Post.TABLE));
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertTrue(e.problems().get(0).startsWith(file + ":11:32: uses com.example.blog.Post, which is not part of keel"
                + " (it is imported at line 7)"), e.getMessage());
        assertTrue(e.problems().get(0).contains("Migrations must not depend on application code"), e.getMessage());
    }

    @Test
    void controlFlowAndOtherExpressionsAreReported() throws IOException {
        Path file = write("M0002_flow", """
                public final class M0002_flow extends Migration {
                    @Override protected void define() {
                        for (String m : new String[] {"a", "b"}) {
                            operations(deleteModel(m));
                        }
                        operations(deleteModel(true ? "a" : "b"));
                        operations(deleteModel(String.valueOf(1)));
                        atomic(column("a", "text"));
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(file + ":9:9: a for loop"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith(file + ":12:32: a conditional (?:) expression"), e.getMessage());
        assertTrue(e.problems().get(2).startsWith(file + ":13:32: uses java.lang.String: keel reads define() without running it"),
                e.getMessage());
        assertTrue(e.problems().get(3).startsWith(file + ":14:9: atomic(...) does not take arguments of types (Column)."
                + " It takes atomic(boolean)"), e.getMessage());
    }

    @Test
    void everyBadArgumentOfAStatementIsReported() throws IOException {
        Path file = write("M0002_args", """
                public final class M0002_args extends Migration {
                    private static final String MODEL = "post";

                    @Override protected void define() {
                        operations(addField(MODEL, other, column(MODEL.length(), "text")), deleteModel(new Object()));
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(file + ":11:36: unknown name other"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith(file + ":11:50: calls length(...) on a String, which is not a keel type"),
                e.getMessage());
        assertTrue(e.problems().get(2).startsWith(file + ":11:88: creates an object with new Object(...)"), e.getMessage());
    }

    @Test
    void aFactoryThatRejectsItsArgumentsIsReportedAtTheCall() throws IOException {
        Path file = write("M0002_blank", """
                public final class M0002_blank extends Migration {
                    @Override protected void define() {
                        operations(addField("post", "slug", column(" ", "text")));
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertTrue(e.problems().get(0).startsWith(file + ":9:45: column(...) rejects its arguments: column name must not be blank"),
                e.getMessage());
    }

    @Test
    void aSerialShorthandIsRefusedWithTheColumnAndSequenceItStandsFor() throws IOException {
        // keel's state has no shorthand: "serial" read as integer would lose the sequence and the default PostgreSQL adds
        for (String serial : List.of("serial", "BIGSERIAL", "smallserial", "serial8")) {
            Path file = write("M0002_counter", """
                    public final class M0002_counter extends Migration {
                        @Override protected void define() {
                            operations(addField("post", "no", column("no", "%s")));
                        }
                    }
                    """.formatted(serial));

            KeelException e = assertUnreadable(file);

            String type = switch (serial.toLowerCase(java.util.Locale.ROOT)) {
                case "serial" -> "integer";
                case "smallserial" -> "smallint";
                default -> "bigint";
            };
            assertTrue(e.problems().get(0).startsWith(file + ":9:43: column(...) rejects its arguments: column no has type "
                    + serial + ", PostgreSQL's shorthand for a"), e.getMessage());
            assertTrue(e.problems().get(0).contains("column(\"no\", \"" + type + "\").defaultSql(\"nextval('TABLE_no_seq'::regclass)\")"),
                    e.getMessage());
        }
    }

    @Test
    void aFileThatDoesNotParseIsReportedWithItsLine() throws IOException {
        Path file = write("M0002_broken", """
                public final class M0002_broken extends Migration {
                    @Override protected void define() {
                        operations(deleteModel("post");
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertTrue(e.problems().get(0).startsWith(file + ":9:"), e.getMessage());
        assertTrue(e.problems().get(0).contains("does not parse"), e.getMessage());
        assertTrue(e.problems().get(0).contains("To fix: correct the Java syntax"), e.getMessage());
    }

    @Test
    void aClassThatIsNotAMigrationIsReported() throws IOException {
        Path file = write("M0002_plain", """
                public final class M0002_plain {
                    protected void define() {
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertTrue(e.problems().get(0).startsWith(file + ":7:20: the class M0002_plain does not extend dev.keel.migration.Migration"),
                e.getMessage());
    }

    @Test
    void aClassNamedUnlikeItsFileIsReported() throws IOException {
        Path file = dir.resolve("M0002_a.java");
        Files.writeString(file, HEADER + """
                public final class M0002_b extends Migration {
                    @Override protected void define() {
                    }
                }
                """);

        KeelException e = assertUnreadable(file);

        assertTrue(e.problems().get(0).startsWith(file + ":7:20: the class M0002_b is in the file M0002_a.java"), e.getMessage());
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() throws IOException {
        Path local = write("M0002_one", """
                public final class M0002_one extends Migration {
                    @Override protected void define() {
                        int n = 1;
                        operations(new Object());
                    }
                }
                """);
        Path broken = write("M0003_two", """
                public final class M0003_two extends Migration {
                    @Override protected void define() {
                        operations(
                    }
                }
                """);
        Path good = write("M0004_three", """
                public final class M0004_three extends Migration {
                    @Override protected void define() {
                        dependsOn("blog", "0003_two");
                    }
                }
                """);

        var e = assertThrows(KeelException.class, () -> reader.readAll("blog", List.of(local, broken, good)));

        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        assertEquals(2, e.problems().stream().filter(p -> p.startsWith(local.toString())).count(), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(broken + ":")), e.getMessage());
        assertTrue(e.problems().stream().noneMatch(p -> p.startsWith(good.toString())), e.getMessage());
    }

    private Path write(String className, String body) throws IOException {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, HEADER + body);
        return file;
    }

    private KeelException assertUnreadable(Path file) {
        var e = assertThrows(KeelException.class, () -> reader.read(file, "blog"));
        assertEquals(ErrorKind.UNREADABLE_SOURCE, e.kind());
        e.problems().forEach(p -> assertTrue(p.contains("\nTo fix: "), p));
        return e;
    }
}
