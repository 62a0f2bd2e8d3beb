package dev.keel.spring.boot;

import dev.keel.runner.Keel;
import dev.keel.runner.MigrateResult;
import dev.keel.runner.Plan;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs keel's migrations when the application context creates it: the deploy phase, and the post-deployment
 * phase too only when {@code keel.post-deploy=true}. Spring Boot's database-initialization ordering makes the
 * JPA {@code EntityManagerFactory} (and the other beans that use the database at start-up) depend on it, so
 * Hibernate starts on the migrated schema ({@code spring.jpa.hibernate.ddl-auto=validate} passes).
 *
 * <p>A history that disagrees with the migrations (an applied migration edited, an applied migration whose class
 * is missing, a forked history) fails here with keel's {@link dev.keel.error.KeelException}, before anything runs,
 * and the application does not start.
 */
public class KeelMigrationInitializer implements InitializingBean, Ordered {
    private static final Log log = LogFactory.getLog(KeelMigrationInitializer.class);

    private final Keel keel;
    private final boolean postDeploy;
    private int order = 0;

    public KeelMigrationInitializer(Keel keel, boolean postDeploy) {
        this.keel = Objects.requireNonNull(keel, "keel");
        this.postDeploy = postDeploy;
    }

    @Override
    public void afterPropertiesSet() {
        MigrateResult deploy = keel.migrate();
        report("deploy", deploy);
        if (postDeploy) {
            report("post-deploy", keel.migratePostDeploy());
        } else if (!deploy.plan().deferred().isEmpty()) {
            log.info("keel: " + deploy.plan().deferred().size() + " post-deployment migration(s) left for after the"
                    + " deployment (keel migrate --post-deploy, or keel.post-deploy=true): " + deploy.plan().deferred()
                    .stream().map(d -> d.key().toString()).collect(Collectors.joining(", ")));
        }
    }

    private static void report(String phase, MigrateResult result) {
        if (result.done().isEmpty()) {
            log.info("keel: " + phase + " phase: no migrations to apply, the database is up to date.");
            return;
        }
        log.info("keel: " + phase + " phase: applied " + result.done().size() + " migration(s): " + result.done().stream()
                .map(d -> d.key() + " (" + d.durationMs() + " ms)").collect(Collectors.joining(", ")));
    }

    /** The plan the deploy phase would run now; runs nothing. */
    public Plan plan() {
        return keel.plan();
    }

    @Override
    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }
}
