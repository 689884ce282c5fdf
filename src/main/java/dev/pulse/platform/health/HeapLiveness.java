package dev.pulse.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the JVM can still allocate: a process that is out of memory should be restarted. */
@Liveness
@ApplicationScoped
public class HeapLiveness implements HealthCheck {

    private static final long MIN_FREE_BYTES = 16L * 1024 * 1024;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return HealthCheckResponse.named("pulse").status(free > MIN_FREE_BYTES).withData("free_heap_bytes", free).build();
    }
}
