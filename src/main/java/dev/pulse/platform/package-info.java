/**
 * What every feature shares: the JAX-RS application, error envelopes per API family
 * ({@code api}), tokens, header mapping and capability checks ({@code security}), Flyway
 * start-up ({@code persistence}), health checks, the clock, and the launcher that runs
 * Pulse on an embedded PostgreSQL. Platform depends on no feature; where it needs a feature's
 * knowledge it declares a port the feature implements
 * ({@link dev.pulse.platform.security.AcademyCapabilities}).
 * <p>{@link dev.pulse.platform.persistence.FlywayMigration} (a Hibernate Integrator that migrates the
 * schema) is registered only in {@code META-INF/services}, so no code refers to it.
 */
package dev.pulse.platform;
