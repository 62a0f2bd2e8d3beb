package dev.keel.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn keel:makemigrations}: writes the migrations the entities need, as {@code keel makemigrations}
 * does (never interactive in a build: an ambiguous rename or a NOT NULL column without a default stops it
 * with the fix to make).
 */
@Mojo(name = "makemigrations", threadSafe = true, requiresProject = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class MakeMigrationsMojo extends KeelMojo {
    /** The words of the new migration's name instead of the generated ones. */
    @Parameter(property = "keel.name")
    String name;

    /** Print what would be written, write nothing. */
    @Parameter(property = "keel.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        var args = new ArrayList<>(List.of("makemigrations", "--no-input"));
        if (name != null) {
            args.add("--name");
            args.add(name);
        }
        if (dryRun) {
            args.add("--dry-run");
        }
        require(keel(args.toArray(String[]::new)), "keel makemigrations");
    }
}
