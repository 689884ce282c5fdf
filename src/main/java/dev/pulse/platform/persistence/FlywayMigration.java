package dev.pulse.platform.persistence;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Runs the Flyway migrations of {@code db/migration} while Hibernate builds the persistence unit,
 * so the schema is current before schema validation and before any request. Payara builds the
 * persistence unit before any {@code @Startup} bean runs, which is why this is an Integrator and
 * not a start-up singleton. A failed migration throws, and the deployment fails with it.
 * <p>Nothing in the code refers to this class: Hibernate finds it through
 * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}.
 */
public class FlywayMigration implements Integrator {

    private static final Logger LOG = Logger.getLogger(FlywayMigration.class.getName());
    /** Flyway waits 1 s, then 2, 4, ... between attempts: about a minute in all. */
    private static final int CONNECT_RETRIES = 6;
    /**
     * Instances started together migrate one at a time under Flyway's PostgreSQL advisory lock; the others
     * try it once a second and then find nothing to apply. Flyway gives up after 50 tries; the first
     * instance's migrations on a loaded host may take longer, so wait as long as the launcher waits for
     * ready (five minutes).
     */
    private static final int LOCK_RETRIES = 300;

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry()
                .requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        MigrateResult result = Flyway.configure(FlywayMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // the pool gives up on a login after 1 s so requests fail fast when the database
                // hangs; at deployment, right after a crash, PostgreSQL may still be recovering
                .connectRetries(CONNECT_RETRIES)
                .lockRetryCount(LOCK_RETRIES)
                .load()
                .migrate();
        LOG.info(() -> "Flyway: " + result.migrationsExecuted + " migration(s) applied, schema at version "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory,
            org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release
    }
}
