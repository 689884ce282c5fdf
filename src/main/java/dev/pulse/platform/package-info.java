/**
 * What every feature shares: the JAX-RS application, error envelopes per API family
 * ({@code api}), tokens, header mapping and capability checks ({@code security}), Flyway
 * start-up ({@code persistence}), health checks, the clock, and the launcher that runs
 * Pulse on an embedded PostgreSQL.
 */
package dev.pulse.platform;
