/**
 * What every feature shares: the JAX-RS application, error envelopes per API family
 * ({@code api}), tokens, header mapping and capability checks ({@code security}), Flyway
 * start-up ({@code persistence}), health checks, the clock, and the launcher that runs
 * Pulse on an embedded PostgreSQL. Platform depends on no feature; where it needs a feature's
 * knowledge it declares a port the feature implements
 * ({@link dev.pulse.platform.security.AcademyCapabilities}).
 * <p>Two classes are registered only in {@code META-INF/services}, so no code refers to them:
 * {@link dev.pulse.platform.persistence.FlywayMigration} (a Hibernate Integrator that migrates the schema)
 * and {@link dev.pulse.platform.security.JwtKeyConfigSource} (MicroProfile JWT's verification key).
 */
package dev.pulse.platform;
