package dev.pulse.activity;

/**
 * Makes an {@link ActivityStore} of one kind. {@link ActivityStores} uses the Postgres store
 * directly; other kinds are CDI beans named after their PULSE_ACTIVITY_STORE value
 * ({@code @Named("datastore")}), present only in WARs built with them (mvn -Pdatastore), so
 * that the default WAR carries none of their libraries.
 */
public interface ActivityStoreFactory {

    /** The store, connected; fails (and so fails the deployment) when it is misconfigured. */
    ActivityStore create();
}
