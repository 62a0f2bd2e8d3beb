package dev.keel.runner.internal.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code text of RunJava methods: what changes it (behaviour) and what does not (comments, layout, debug options). */
class CodeTextTest {
    @TempDir Path dir;
    private final AtomicInteger builds = new AtomicInteger();

    /** A migration whose RunJava methods use a helper, a lambda, an anonymous class, constants and a static field. */
    static final String MIGRATION = """
            package com.acme.blog.migrations;

            import dev.keel.migration.Migration;
            import dev.keel.migration.MigrationContext;
            import java.sql.SQLException;
            import java.util.List;
            import java.util.function.Function;

            import static dev.keel.migration.Operations.*;

            /** Fills the slugs. */
            public final class M0005_fill_slugs extends Migration {
                private static final String TABLE = "post";
                private static final List<String> WORDS = List.of("a", "the");

                @Override
                protected void define() {
                    dependsOn("blog", "0004_fill_post_slug");
                    operations(runJava("fill", "clear"));
                }

                // fills every slug
                void fill(MigrationContext ctx) throws SQLException {
                    int limit = 200;
                    Function<String, String> slug = title -> title.toLowerCase().replace(' ', '-');
                    Runnable log = new Runnable() {
                        @Override public void run() { ctx.log("filling " + TABLE); }
                    };
                    log.run();
                    try (var st = ctx.connection().createStatement()) {
                        st.executeUpdate(sql(slug.apply("Title"), limit) + WORDS.size());
                    }
                }

                void clear(MigrationContext ctx) throws SQLException {
                    ctx.log("nothing to clear");
                }

                private static String sql(String value, int limit) {
                    return "UPDATE " + TABLE + " SET slug = '" + value + "' WHERE length(title) < " + limit;
                }
            }
            """;

    private String text(String source, String... options) throws IOException {
        Path out = dir.resolve("build" + builds.incrementAndGet());
        Path src = out.resolve("src/com/acme/blog/migrations/M0005_fill_slugs.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(out.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                "-proc:none", "--release", "17"));
        args.addAll(List.of(options));
        args.add(src.toString());
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "compiles");
        Function<String, Optional<byte[]>> files = name -> {
            Path f = classes.resolve(name + ".class");
            try {
                return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        return CodeText.of("com/acme/blog/migrations/M0005_fill_slugs", List.of("clear", "fill"), files);
    }

    @Test
    void coversTheMethodsAndWhatTheyReachOfTheMigrationsOwnCode() throws IOException {
        String text = text(MIGRATION);
        assertTrue(text.startsWith("method com/acme/blog/migrations/M0005_fill_slugs.clear(Ldev/keel/migration/MigrationContext;)V\n"), text);
        assertTrue(text.contains("\"nothing to clear\""), text);
        assertTrue(text.contains("method com/acme/blog/migrations/M0005_fill_slugs.sql(Ljava/lang/String;I)Ljava/lang/String; static\n"), text);
        assertTrue(text.contains("\"UPDATE post SET slug = '\\u0001' WHERE length(title) < \\u0001\""), text);
        assertTrue(text.contains("method com/acme/blog/migrations/M0005_fill_slugs.synthetic#1(Ljava/lang/String;)Ljava/lang/String; static\n"), text);
        assertTrue(text.contains("method anonymous#1.run()V\n"), text);
        assertTrue(text.contains("\"filling post\""), text);
        assertTrue(text.contains("method com/acme/blog/migrations/M0005_fill_slugs.<clinit>()V static\n"), text);
        assertTrue(text.contains("java/util/List.of(Ljava/lang/Object;Ljava/lang/Object;)Ljava/util/List;"), text);
        assertTrue(!text.contains("0004_fill_post_slug"), "define() is not RunJava code: " + text);
    }

    @Test
    void debugOptionsCommentsLayoutAndLocalNamesDoNotCount() throws IOException {
        String text = text(MIGRATION);
        assertEquals(text, text(MIGRATION, "-g", "-parameters"));
        assertEquals(text, text(MIGRATION, "-g:none"));
        String edited = MIGRATION
                .replace("// fills every slug", "/* fills every slug,\n       one statement for all posts */")
                .replace("int limit = 200;", "\n\n        int   maxLength   =   200 ;   // the column's size")
                .replace("sql(slug.apply(\"Title\"), limit)", "sql(slug.apply(\"Title\"), maxLength)")
                .replace("title -> title.toLowerCase()", "t -> t.toLowerCase()");
        assertEquals(text, text(edited, "-g"));
    }

    @Test
    void whatCodeElsewhereInTheClassDoesNotCountUnlessReached() throws IOException {
        String text = text(MIGRATION);
        String moreDefinition = MIGRATION.replace("operations(runJava(\"fill\", \"clear\"));",
                "java.util.function.Supplier<String> s = () -> \"x\";\n        s.get();\n        operations(runJava(\"fill\", \"clear\"));")
                .replace("private static String sql(", "Runnable other() { return new Runnable() { public void run() {} }; }\n\n    private static String sql(");
        assertEquals(text, text(moreDefinition), "a lambda and an anonymous class added before do not rename those reached");
    }

    @Test
    void everyChangeOfBehaviourCounts() throws IOException {
        String text = text(MIGRATION);
        assertNotEquals(text, text(MIGRATION.replace("int limit = 200;", "int limit = 100;")), "a number");
        assertNotEquals(text, text(MIGRATION.replace("\"nothing to clear\"", "\"nothing to undo\"")), "a string");
        assertNotEquals(text, text(MIGRATION.replace("WHERE length(title) < ", "WHERE length(title) <= ")), "a helper");
        assertNotEquals(text, text(MIGRATION.replace("title.toLowerCase()", "title.toUpperCase()")), "a lambda");
        assertNotEquals(text, text(MIGRATION.replace("ctx.log(\"filling \" + TABLE)", "ctx.log(\"fill \" + TABLE)")),
                "an anonymous class");
        assertNotEquals(text, text(MIGRATION.replace("List.of(\"a\", \"the\")", "List.of(\"a\", \"an\")")),
                "a static field's initialiser");
        assertNotEquals(text, text(MIGRATION.replace("TABLE = \"post\"", "TABLE = \"article\"")), "an inlined constant");
        assertNotEquals(text, text(MIGRATION.replace("log.run();\n", "")), "a statement removed");
        assertNotEquals(text, text(MIGRATION.replace("void clear(MigrationContext ctx) throws SQLException {\n        ctx.log(\"nothing to clear\");",
                "void clear(MigrationContext ctx) throws SQLException {\n        if (ctx != null) ctx.log(\"nothing to clear\");")),
                "a branch");
    }

    @Test
    void aMissingClassOrMethodIsWrittenAsMissing() throws IOException {
        text(MIGRATION);
        Path classes = dir.resolve("build1/classes");
        Function<String, Optional<byte[]>> files = name -> {
            try {
                Path f = classes.resolve(name + ".class");
                return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals("method undo: not found\n", CodeText.of("com/acme/blog/migrations/M0005_fill_slugs", List.of("undo"), files));
        assertEquals("class com/acme/Gone: not found\nmethod fill: not found\n", CodeText.of("com/acme/Gone", List.of("fill"), files));
    }

    @Test
    void everyMethodOfJavaBaseDecodes() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        int classes = 0;
        int methods = 0;
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules/java.base"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                ClassFile file = ClassFile.parse(Files.readAllBytes(f));
                classes++;
                for (ClassFile.Method m : file.methods()) {
                    if (m.code() == null) {
                        continue;
                    }
                    methods++;
                    var code = Instructions.decode(m.code());
                    var starts = new java.util.HashSet<Integer>();
                    code.forEach(i -> starts.add(i.offset()));
                    for (var i : code) {
                        if (Instructions.branches(i.opcode())) {
                            assertTrue(starts.contains(i.operands()[0]), f + " " + m.name() + ": branch into an instruction");
                        }
                        if (Instructions.takesConstant(i.opcode())) {
                            file.constant(i.operands()[0]);
                        }
                    }
                }
            }
        }
        assertTrue(classes > 5000 && methods > 50000, classes + " classes, " + methods + " methods");
    }
}
