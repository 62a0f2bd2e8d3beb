package dev.keel.load;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.MethodCallExpr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where a call is written in a migration file: the line of the {@code n}-th call of a factory
 * ({@code runSql}, {@code runJava}), in the order of the source. For messages that name file:line
 * about an operation the runner meets.
 */
public final class SourceLines {
    private SourceLines() {}

    /** The line of the {@code occurrence}-th (from 0) call of {@code method} in {@code file}; empty when unknown. */
    public static OptionalInt callLine(Path file, String method, int occurrence) {
        if (file == null || !Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        try {
            List<MethodCallExpr> calls = StaticJavaParser.parse(Files.readString(file)).findAll(MethodCallExpr.class).stream()
                    .filter(c -> c.getNameAsString().equals(method) && c.getScope().isEmpty())
                    .filter(c -> c.getBegin().isPresent())
                    .sorted(Comparator.comparing(c -> c.getBegin().get()))
                    .toList();
            return occurrence < calls.size() ? OptionalInt.of(calls.get(occurrence).getBegin().get().line) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
