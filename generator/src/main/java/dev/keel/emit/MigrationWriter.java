package dev.keel.emit;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.keel.migration.MigrationKey;
import dev.keel.migration.MigrationNames;
import dev.keel.migration.MigrationSpec;
import dev.keel.operations.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a migration as a Java source file: plain, formatted by JavaParser's printer, readable without
 * keel's docs, and read back by keel's source reader to the same operations.
 */
public final class MigrationWriter {
    private final OperationWriter operations = new OperationWriter();

    /**
     * The source of the migration class for {@code spec} in {@code packageName}.
     *
     * @param header comment lines above the class (what generated it), may be empty
     */
    public String write(MigrationSpec spec, String packageName, List<String> header) {
        var values = new JavaValues(operations);
        var body = new StringBuilder();
        for (MigrationKey dep : spec.dependencies()) {
            body.append("        dependsOn(").append(JavaValues.string(dep.app())).append(", ")
                    .append(JavaValues.string(dep.name())).append(");\n");
        }
        for (MigrationKey replaced : spec.replaces()) {
            body.append("        replaces(").append(JavaValues.string(replaced.app())).append(", ")
                    .append(JavaValues.string(replaced.name())).append(");\n");
        }
        if (spec.initial()) {
            body.append("        initial();\n");
        }
        if (!spec.atomic()) {
            body.append("        atomic(false);\n");
        }
        if (spec.postDeployment()) {
            body.append("        postDeployment();\n");
        }
        if (!spec.operations().isEmpty()) {
            var ops = new ArrayList<String>();
            for (Operation op : spec.operations()) {
                ops.add(values.write(op));
            }
            String indent = " ".repeat(12);
            body.append("        operations(\n");
            for (int i = 0; i < ops.size(); i++) {
                body.append(indent).append(ops.get(i).replace("\n.", "\n" + indent + "        .")
                                .replace(JavaValues.MARGIN, indent + "        "))
                        .append(i < ops.size() - 1 ? ",\n" : ");\n");
            }
        }
        var src = new StringBuilder();
        src.append("package ").append(packageName).append(";\n\n");
        src.append("import dev.keel.migration.Migration;\n");
        for (String imp : values.imports()) {
            src.append("import ").append(imp).append(";\n");
        }
        src.append("\nimport static dev.keel.migration.Operations.*;\n\n");
        if (!header.isEmpty()) {
            src.append("/**\n");
            header.forEach(line -> src.append(line.isEmpty() ? " *" : " * " + line).append('\n'));
            src.append(" */\n");
        }
        src.append("public final class ").append(MigrationNames.className(spec.name())).append(" extends Migration {\n")
                .append("    @Override\n    protected void define() {\n").append(body).append("    }\n}\n");
        return checked(src.toString());
    }

    /**
     * keel lays the file out itself (one operation per line, one builder call per line) because a
     * general-purpose printer spreads builder chains over dozens of columns; JavaParser checks that what
     * was written is valid Java.
     */
    private static String checked(String source) {
        ParseResult<CompilationUnit> parsed = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source);
        if (!parsed.isSuccessful()) {
            throw new IllegalStateException("keel bug: generated migration does not parse: " + parsed.getProblems() + "\n" + source);
        }
        return source;
    }
}
