package dev.keel.runner;

/**
 * What {@code keel migrate [APP [TARGET]]} asks for.
 *
 * @param app        the app to migrate, or null for every app (forwards to the latest)
 * @param target     with {@code app}: a migration name or unique prefix ({@code 0005}), or {@code zero};
 *                   null for the app's latest migration
 * @param fake       record the plan's migrations as applied (or unapplied) without running them
 * @param postDeploy also run post-deployment migrations (and those that depend on them)
 */
public record MigrateRequest(String app, String target, boolean fake, boolean postDeploy) {
    public MigrateRequest {
        if (app == null && target != null) {
            throw new IllegalArgumentException("a target needs an app");
        }
    }

    /** Every app to its latest migration, deploy-time migrations only. */
    public static MigrateRequest all() {
        return new MigrateRequest(null, null, false, false);
    }

    /** This request with {@code --fake}. */
    public MigrateRequest faked() {
        return new MigrateRequest(app, target, true, postDeploy);
    }

    /** This request with {@code --post-deploy}. */
    public MigrateRequest withPostDeploy() {
        return new MigrateRequest(app, target, fake, true);
    }
}
