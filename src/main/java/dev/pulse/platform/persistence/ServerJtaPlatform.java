package dev.pulse.platform.persistence;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformProvider;

/**
 * Tells Hibernate how to reach the server's transaction manager where it cannot tell by itself: on
 * Payara (Micro or Server) the GlassFish platform, found by the JNDI name that platform uses; anywhere
 * else nothing, so Hibernate's own resolution goes on (it knows WildFly). Registered in
 * META-INF/services/org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformProvider
 * (docs/decisions/0022).
 */
public class ServerJtaPlatform implements JtaPlatformProvider {

    /** Where GlassFish and Payara bind their transaction manager (SunOneJtaPlatform looks it up there). */
    static final String GLASSFISH_TRANSACTION_MANAGER = "java:appserver/TransactionManager";

    @Override
    public JtaPlatform getProvidedJtaPlatform() {
        try {
            new InitialContext().lookup(GLASSFISH_TRANSACTION_MANAGER);
            return new SunOneJtaPlatform();
        } catch (NamingException | RuntimeException e) {
            return null;
        }
    }
}
