package dev.keel.lint;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What lint needs of a migration's source beyond its operations: where each operation is written, the
 * imports, the package and the allow comments. The source reader has already checked that the file
 * parses and declares a migration.
 *
 * @param path       the file
 * @param packageName the package it declares ("" for none)
 * @param imports    its imports, with their lines
 * @param operations the lines of each argument of {@code operations(...)}, in order
 * @param define     the lines of {@code define()}, for what has no line of its own
 * @param allows     its allow comments
 * @param sql        whether it is a plain SQL file ({@link SqlMigrationFile}): its statements have lines of their own
 */
public record MigrationFile(Path path, String packageName, List<Import> imports, List<Span> operations, Span define,
                            List<AllowComment> allows, boolean sql) {
    /** A Java migration file. */
    public MigrationFile(Path path, String packageName, List<Import> imports, List<Span> operations, Span define,
                         List<AllowComment> allows) {
        this(path, packageName, imports, operations, define, allows, false);
    }

    /** An import: the name imported ({@code com.acme.blog.Post}, {@code dev.keel.migration.Operations}) and its line. */
    public record Import(String name, boolean isStatic, int line) {}

    /** Parses a migration file. */
    public static MigrationFile parse(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        CompilationUnit unit = parser.parse(text).getResult().orElseThrow(
                () -> new IllegalStateException(path + " does not parse, though the migration reader read it"));
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        List<Import> imports = unit.getImports().stream()
                .map(i -> new Import(i.getNameAsString(), i.isStatic(), line(i))).toList();
        Span define = unit.findAll(MethodDeclaration.class).stream()
                .filter(m -> m.getNameAsString().equals("define")).findFirst()
                .map(MigrationFile::span).orElse(Span.line(1));
        var calls = new ArrayList<>(unit.findAll(MethodCallExpr.class,
                c -> c.getNameAsString().equals("operations") && c.getScope().isEmpty()));
        calls.sort(Comparator.comparingInt(MigrationFile::line));
        var operations = new ArrayList<Span>();
        for (MethodCallExpr call : calls) {
            for (Expression arg : call.getArguments()) {
                operations.add(span(arg));
            }
        }
        return new MigrationFile(path, pkg, imports, operations, define, AllowComment.find(text));
    }

    /** The lines of operation {@code index}: its own when the file writes it as an argument, else define()'s. */
    public Span operation(int index, int count) {
        return operations.size() == count ? operations.get(index) : define;
    }

    private static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(1);
    }

    private static Span span(Node node) {
        int first = line(node);
        return new Span(first, node.getEnd().map(p -> p.line).orElse(first));
    }
}
