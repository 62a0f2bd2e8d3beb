package dev.keel.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn keel:migrate}: applies the migrations, as {@code keel migrate} does: to {@code keel.url}
 * (or database.url of keel.json), else to the project's embedded PostgreSQL in .keel/pg; the
 * post-deployment migrations only with {@code -Dkeel.postDeploy}.
 */
@Mojo(name = "migrate", threadSafe = false, requiresProject = true)
public class MigrateMojo extends KeelMojo {
    /** The database, instead of database.url in keel.json: jdbc:postgresql://HOST:PORT/DB. */
    @Parameter(property = "keel.url")
    String url;

    /** Run the post-deployment phase. */
    @Parameter(property = "keel.postDeploy", defaultValue = "false")
    boolean postDeploy;

    /**
     * From how many rows a table is large (deploy-time builds and validations on it wait for the post-deployment
     * phase), instead of database.largeTableRows of keel.json.
     */
    @Parameter(property = "keel.largeTableRows")
    Long largeTableRows;

    /** Only show the plan. */
    @Parameter(property = "keel.plan", defaultValue = "false")
    boolean plan;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        var args = new ArrayList<>(List.of("migrate"));
        if (url != null && !url.isBlank()) {
            args.add("--url");
            args.add(url);
        }
        if (postDeploy) {
            args.add("--post-deploy");
        }
        if (plan) {
            args.add("--plan");
        }
        if (largeTableRows != null) {
            args.add("--large-table-rows");
            args.add(largeTableRows.toString());
        }
        require(keel(args.toArray(String[]::new)), "keel migrate");
    }
}
