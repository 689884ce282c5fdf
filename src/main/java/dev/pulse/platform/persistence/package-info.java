/** Schema ownership: Flyway migrations run inside the Hibernate bootstrap, before validation. */
package dev.pulse.platform.persistence;
