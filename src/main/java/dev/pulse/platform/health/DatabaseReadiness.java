package dev.pulse.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answers and Flyway has recorded a successful migration. Its name
 * ("database") appearing in /health/ready also proves the application itself deployed: Payara
 * answers UP with no checks at all when a deployment failed.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/pulse")
    DataSource dataSource;

    /**
     * Made while the application starts, so its data source is looked up in the application's naming
     * context: WildFly asks health checks on a management thread, where {@code java:app} names nothing.
     */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer alone makes the bean
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        // the last one applied: max(version) would compare the text, and "9" > "10"
                        "select version from flyway_schema_history where success and version is not null"
                                + " order by installed_rank desc limit 1")) {
            String version = rs.next() ? rs.getString(1) : null;
            return HealthCheckResponse.named("database")
                    .status(version != null)
                    .withData("schema_version", version == null ? "none" : version)
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
