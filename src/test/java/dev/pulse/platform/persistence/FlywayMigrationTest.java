package dev.pulse.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.platform.launcher.EmbeddedDatabase;
import dev.pulse.platform.testing.AtOnce;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Instances that start at the same moment upgrade the schema once, and one of them does all of it. */
class FlywayMigrationTest {

    private static final int INSTANCES = 3;
    /**
     * Three migrations of half a second each. Flyway's own lock, taken per migration, left a CI run's
     * instances applying 0, 5 and 9 of 14; it lets a waiting instance in only if its once-a-second try
     * falls between two migrations, which a test cannot arrange, so this proves the outcome under a real
     * race rather than that race's rare interleaving.
     */
    private static final String SLOW_UPGRADE = "classpath:db/slow-upgrade";
    private static final int MIGRATIONS = 3;

    @TempDir
    Path data;

    @Test
    void instancesStartedTogetherLeaveTheWholeUpgradeToOne() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, "upgrade")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl());
            dataSource.setUser(EmbeddedDatabase.USER);
            dataSource.setPassword("upgrade");
            List<Integer> counts = AtOnce.run(INSTANCES,
                    instance -> FlywayMigration.migrate(dataSource, SLOW_UPGRADE).migrationsExecuted);
            assertEquals(List.of(0, 0, MIGRATIONS), counts.stream().sorted().toList(),
                    "one instance applied every migration, the others found nothing to do");
        }
    }
}
