package dev.keel.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code keel:check}, bound to {@code verify}: fails the build when a migration is missing, the lockfile
 * is stale or an app's history forked ({@code keel makemigrations --check}), or when lint finds an unsafe
 * migration ({@code keel lint}). Both run, so one build reports everything.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class CheckMojo extends KeelMojo {
    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        int make = keel("makemigrations", "--check");
        int lint = keel("lint");
        if (make > 1 || lint > 1) {
            require(Math.max(make, lint), "keel check");
        }
        if (make == 1 && lint == 1) {
            throw new MojoFailureException("keel check: migrations are missing and lint found unsafe migrations"
                    + " (see the keel output above)");
        }
        require(make, "keel check: migrations are missing or out of date; run mvn keel:makemigrations");
        require(lint, "keel check: lint found unsafe migrations");
    }
}
