package dev.keel.cli;

import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationSpec;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Runs keel in-process through picocli, capturing exit code, stdout and stderr. */
record KeelRun(int exit, String out, String err) {
    static final String KEEL_JSON = """
            {
              "apps": [
                {"label": "blog", "package": "com.acme.blog"},
                {"label": "shop", "package": "com.acme.shop"},
                {"label": "users", "package": "com.acme.users"}
              ]
            }
            """;

    static KeelRun run(MigrationSource source, String... args) {
        return run(source, Ansi.OFF, args);
    }

    static KeelRun run(MigrationSource source, Ansi ansi, String... args) {
        return run(Keel.commandLine(source), ansi, args);
    }

    /** Runs with both seams given. */
    static KeelRun run(MigrationSource source, dev.keel.make.EntitySource entities, String... args) {
        return run(Keel.commandLine(source, entities), Ansi.OFF, args);
    }

    /** Runs {@code args} as {@link Keel#main} does (only the named command built, migrate's connection started early), without its exit. */
    static KeelRun runAsMain(String... args) {
        return run(Keel.forArguments(args, MigrationSource.standard(), Entities.standard()), Ansi.OFF, args);
    }

    private static KeelRun run(CommandLine cl, Ansi ansi, String... args) {
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new KeelRun(exit, out.toString(), err.toString());
    }

    /** A project folder holding {@link #KEEL_JSON}. */
    static Path project(Path dir) throws IOException {
        Files.writeString(dir.resolve("keel.json"), KEEL_JSON);
        return dir;
    }

    /**
     * A project of one app, {@code shop} (package {@code com.acme.shop}), whose first migration runs {@code sql} and is
     * undone by {@code reverseSql}; the migrations' folder is returned, for more files.
     */
    static Path shopProject(Path dir, String sql, String reverseSql) throws IOException {
        Files.writeString(dir.resolve("keel.json"), """
                {"apps": [{"label": "shop", "package": "com.acme.shop"}]}
                """);
        Path migrations = Files.createDirectories(dir.resolve("src/main/java/com/acme/shop/migrations"));
        Files.writeString(migrations.resolve("M0001_initial.java"), """
                package com.acme.shop.migrations;

                import dev.keel.migration.Migration;

                import static dev.keel.migration.Operations.*;

                public final class M0001_initial extends Migration {
                    @Override
                    protected void define() {
                        initial();
                        operations(runSql(%s, %s));
                    }
                }
                """.formatted(javaString(sql), javaString(reverseSql)));
        return migrations;
    }

    private static String javaString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A migration built in code: {@code spec("blog.0002_add_slug", "blog.0001_initial")}. */
    static MigrationSpec spec(String key, String... deps) {
        return new MigrationSpec(key(key), Arrays.stream(deps).map(KeelRun::key).toList(), List.of(), true, false,
                deps.length == 0, List.of(), "migrations/" + key + ".java");
    }

    static MigrationKey key(String dotted) {
        int dot = dotted.indexOf('.');
        return new MigrationKey(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    /** A source that returns these specs, whatever the project. */
    static MigrationSource source(MigrationSpec... specs) {
        return (config, dir) -> List.of(specs);
    }
}
