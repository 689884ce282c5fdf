/**
 * Schema ownership: Flyway migrations run inside the Hibernate bootstrap, before validation, from
 * {@link dev.pulse.platform.persistence.FlywayMigration} (registered in
 * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}).
 */
package dev.pulse.platform.persistence;
