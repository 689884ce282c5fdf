package dev.pulse.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
    /** Waits 1 s, then 2, 4, ... between attempts to connect: about a minute in all. */
    private static final int CONNECT_RETRIES = 6;
    /**
     * How many times, a second apart, an instance tries to take the upgrade from another: as long as the
     * launcher waits for ready (five minutes), since the first instance's migrations on a loaded host may
     * take well over a minute.
     */
    private static final int LOCK_RETRIES = 300;
    /**
     * A PostgreSQL advisory lock held for a whole upgrade ("pulse" in ASCII). Flyway's own lock is taken
     * per migration, so instances started together would each apply some of them; under this one, one
     * instance applies every pending migration and the others then find nothing to do.
     */
    private static final long UPGRADE_LOCK = 0x70756c7365L;

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry()
                .requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        MigrateResult result = migrate(dataSource, "classpath:db/migration");
        LOG.info(() -> "Flyway: " + result.migrationsExecuted + " migration(s) applied, schema at version "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
    }

    /** Applies every pending migration, or waits for the instance that is applying them and applies none. */
    static MigrateResult migrate(DataSource dataSource, String migrations) {
        Flyway flyway = Flyway.configure(FlywayMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(migrations)
                .load();
        try (Connection upgrade = connect(dataSource)) {
            awaitUpgradeLock(upgrade);
            try {
                return flyway.migrate();
            } finally {
                try (PreparedStatement unlock = upgrade.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, UPGRADE_LOCK);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The schema could not be migrated: " + e.getMessage(), e);
        }
    }

    /**
     * The pool gives up on a login after 1 s so that requests fail fast when the database hangs; at
     * deployment, right after a crash, PostgreSQL may still be recovering, so keep trying for a while.
     */
    private static Connection connect(DataSource dataSource) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                if (attempt == CONNECT_RETRIES) {
                    throw e;
                }
                LOG.warning(() -> "The database is not reachable yet (" + e.getMessage() + "); trying again");
                pause(Duration.ofSeconds(1L << attempt));
            }
        }
    }

    private static void awaitUpgradeLock(Connection upgrade) throws SQLException {
        try (PreparedStatement lock = upgrade.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, UPGRADE_LOCK);
            for (int attempt = 0; ; attempt++) {
                try (ResultSet taken = lock.executeQuery()) {
                    taken.next();
                    if (taken.getBoolean(1)) {
                        return;
                    }
                }
                if (attempt == LOCK_RETRIES) {
                    throw new IllegalStateException("Another instance has been migrating the schema for "
                            + LOCK_RETRIES + " s; giving up");
                }
                if (attempt == 0) {
                    LOG.info("Another instance is migrating the schema; waiting for it");
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to migrate the schema", e);
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory,
            org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release
    }
}
