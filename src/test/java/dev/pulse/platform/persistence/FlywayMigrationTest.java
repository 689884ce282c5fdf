package dev.pulse.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.platform.launcher.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, 0, "upgrade")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(database.jdbcUrl());
            dataSource.setUser(EmbeddedDatabase.USER);
            dataSource.setPassword("upgrade");
            CyclicBarrier together = new CyclicBarrier(INSTANCES);
            List<Future<Integer>> applied = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                applied.add(instances.submit(() -> {
                    together.await();
                    return FlywayMigration.migrate(dataSource, SLOW_UPGRADE).migrationsExecuted;
                }));
            }
            List<Integer> counts = new ArrayList<>();
            for (Future<Integer> each : applied) {
                counts.add(each.get());
            }
            assertEquals(List.of(0, 0, MIGRATIONS), counts.stream().sorted().toList(),
                    "one instance applied every migration, the others found nothing to do");
        } finally {
            instances.shutdownNow();
        }
    }
}
