package dev.pulse.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ActivityStoresTest {

    @Test
    void aDatastoreStoreAsksForTheFactoryNamedDatastore() {
        ActivityStore datastore = (ActivityStore) Proxy.newProxyInstance(ActivityStore.class.getClassLoader(),
                new Class<?>[] {ActivityStore.class}, (proxy, method, args) -> "a Datastore store");
        ActivityStores stores = stores("datastore", factory(() -> datastore));
        assertSame(datastore, stores.store());
    }

    @Test
    void aDatastoreStoreInAWarBuiltWithoutItFailsNamingTheProfile() {
        ActivityStores stores = stores("datastore", factory(null));
        IllegalStateException e = assertThrows(IllegalStateException.class, stores::store);
        assertEquals("PULSE_ACTIVITY_STORE=datastore, but this WAR was built without the Datastore store:"
                + " build it with mvn -Pdatastore package", e.getMessage());
    }

    @Test
    void anUnknownStoreIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, stores("mongo", factory(null))::store);
        assertEquals("PULSE_ACTIVITY_STORE must be postgres or datastore, not 'mongo'", e.getMessage());
    }

    private static ActivityStores stores(String kind, Instance<ActivityStoreFactory> factories) {
        ActivityStores stores = new ActivityStores();
        stores.kind = kind;
        stores.factories = factories;
        return stores;
    }

    /** The beans CDI would offer: the one factory of any name asked for, or none (null). */
    @SuppressWarnings("unchecked")
    private static Instance<ActivityStoreFactory> factory(ActivityStoreFactory factory) {
        return (Instance<ActivityStoreFactory>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "select" -> proxy;
                    case "isResolvable" -> factory != null;
                    case "isUnsatisfied" -> factory == null;
                    case "get" -> factory;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
