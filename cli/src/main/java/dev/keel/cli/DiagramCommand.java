package dev.keel.cli;

import dev.keel.config.KeelConfig;
import dev.keel.diagram.Dot;
import dev.keel.diagram.Graphviz;
import dev.keel.diagram.Mermaid;
import dev.keel.diagram.SchemaDiagram;
import dev.keel.error.ErrorKind;
import dev.keel.error.KeelException;
import dev.keel.graph.MigrationGraph;
import dev.keel.graph.MigrationTarget;
import dev.keel.project.ProjectState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code keel diagram}: the entity-relationship diagram of the schema the migrations build, without a database. */
@Command(name = "diagram", mixinStandardHelpOptions = true, sortOptions = false,
        headerHeading = "NAME%n", header = "  keel diagram - draw the tables the migrations build, with their keys",
        synopsisHeading = "%nSYNOPSIS%n  ", descriptionHeading = "%nDESCRIPTION%n",
        parameterListHeading = "%nARGUMENTS%n", optionListHeading = "%nOPTIONS%n", footerHeading = "%n",
        description = {
                "Replays the project's migrations, as keel migrate would apply them, and draws the schema they"
                        + " build: each table under its schema-qualified name, its columns in order with their"
                        + " PostgreSQL types, PK, FK and UK for primary key, foreign key and unique columns,"
                        + " \"nullable\" for a column that allows nulls, and one line per foreign key from the"
                        + " referencing table to the referenced one (dashed for a relation that has no database"
                        + " constraint). A column or table a migration removed from the model but not yet from the"
                        + " database is drawn marked \"pending deletion\".",
                "",
                "No database is read: the picture is of the migration files alone. The output is the same"
                        + " for the same migrations: tables sorted by name, columns in table order.",
                "",
                "Formats: mermaid (the default) is text that GitHub, GitLab and many Markdown editors draw"
                        + " inside a ```mermaid block; dot is Graphviz's language; svg is the dot text drawn by"
                        + " Graphviz's dot program, which must then be installed (apt-get install graphviz, brew"
                        + " install graphviz; $KEEL_DOT names another dot program)."},
        footer = {"EXIT STATUS",
                "0 the diagram was written; 2 a usage error (an unknown app or migration) or a migration that"
                        + " cannot be read; 4 a migration graph that does not replay; 6 --format svg and Graphviz's"
                        + " dot is not installed.",
                "",
                "EXAMPLES",
                "  keel diagram                            every table, as Mermaid",
                "  keel diagram blog --at blog.0003        the tables of blog after blog.0003",
                "  keel diagram --format svg -o schema.svg drawn by Graphviz",
                "",
                "SEE ALSO",
                "keel showmigrations --graph, keel sqlmigrate --changed-since (its Markdown report draws the"
                        + " tables a branch changes)"})
final class DiagramCommand implements Callable<Integer> {
    /** The formats of a picture; svg is dot drawn by Graphviz. */
    enum Format { mermaid, dot, svg }

    @Mixin ProjectMixin project;
    @Mixin MigrationsMixin migrationsFrom;

    @Parameters(paramLabel = "APP", arity = "0..*",
            description = "Draw only the tables of these apps (labels from keel.json), and the tables of other apps"
                    + " their foreign keys reference. Default: every app.")
    List<String> apps = new ArrayList<>();

    @Option(names = "--at", paramLabel = "APP.MIGRATION",
            description = "Draw the schema as it is after this migration (a name or unique prefix: blog.0003) and"
                    + " the migrations it depends on, instead of after every migration.")
    String at;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid, dot or svg (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the diagram to FILE (relative to the project folder) instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        KeelConfig config = project.config();
        SortedSet<String> selected = new TreeSet<>();
        apps.forEach(label -> selected.add(config.requireApp(label).label()));
        MigrationGraph graph = migrationsFrom.migrations(project).graph(Set.of());
        ProjectState state = at == null ? graph.latestState() : graph.stateAt(List.of(target(config, graph)));
        SchemaDiagram diagram = SchemaDiagram.of(state, t -> selected.isEmpty() || selected.contains(t.app()));
        if (diagram.isEmpty()) {
            project.err().println("No tables" + (selected.isEmpty() ? "" : " in " + String.join(", ", selected))
                    + (at == null ? "" : " after " + at) + ": the diagram is empty.");
            project.err().flush();
        }
        String text = switch (format) {
            case mermaid -> Mermaid.er(diagram);
            case dot -> Dot.er(diagram);
            case svg -> Graphviz.svg(Dot.er(diagram), Graphviz.program());
        };
        write(project, output, text);
        return 0;
    }

    /** The migration {@code --at} names. */
    private dev.keel.migration.MigrationKey target(KeelConfig config, MigrationGraph graph) {
        int dot = at.indexOf('.');
        if (dot <= 0 || dot == at.length() - 1) {
            throw new KeelException(ErrorKind.USAGE, "--at " + at + ": expected APP.MIGRATION, such as blog.0003 or"
                    + " blog.0003_add_post_tag.\nTo fix: put the app's label and a dot before the migration's name.");
        }
        String app = config.requireApp(at.substring(0, dot)).label();
        MigrationTarget target = graph.resolve(app, at.substring(dot + 1));
        if (target.isZero()) {
            throw new KeelException(ErrorKind.USAGE, "--at " + at + ": the diagram is drawn after a migration, and "
                    + MigrationTarget.ZERO + " is none.\nTo fix: name a migration of " + app + ".");
        }
        return target.key();
    }

    /** Writes {@code text} to {@code output} (relative to the project folder), or to standard output when null. */
    static void write(ProjectMixin project, Path output, String text) {
        if (output == null) {
            project.out().print(text);
            project.out().flush();
            return;
        }
        Path file = project.projectDir().resolve(output);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeelException(ErrorKind.USAGE, file + ": cannot write the diagram: " + e.getMessage()
                    + "\nTo fix: name a file in a folder you can write to.", e);
        }
        project.err().println("Wrote " + file);
        project.err().flush();
    }
}
