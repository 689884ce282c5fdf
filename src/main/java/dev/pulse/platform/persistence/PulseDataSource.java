package dev.pulse.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL data source every server pools ({@code <data-source>} in WEB-INF/web.xml names this
 * class): it takes {@code PULSE_DB_URL}, {@code PULSE_DB_USER} and {@code PULSE_DB_PASSWORD} from
 * MicroProfile Config (environment variables override the WAR's defaults) and sets the driver's bounds
 * itself, so they hold alike on Payara Micro, Payara Server and WildFly without placeholders in a
 * descriptor (docs/decisions/0022).
 * <p>An unreachable or hung database must answer within 5 s (a 503, see ErrorResponses), never hang a
 * request: at most 1 s to connect and log in, 2 s for any one read from the server, 1.5 s for a
 * statement (the server cancels it before the read gives up). Large documents get longer bounds per
 * transaction ({@link LargeData}).
 */
public class PulseDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;

    /** The server-side bound of one statement, below the 2 s read bound. */
    static final String STATEMENT_BOUND = "-c statement_timeout=1500";

    public PulseDataSource() {
        this(ConfigProvider.getConfig(PulseDataSource.class.getClassLoader()));
    }

    PulseDataSource(Config config) {
        setUrl(config.getValue("PULSE_DB_URL", String.class));
        config.getOptionalValue("PULSE_DB_USER", String.class).ifPresent(super::setUser);
        config.getOptionalValue("PULSE_DB_PASSWORD", String.class).ifPresent(super::setPassword);
        setConnectTimeout(1);
        setLoginTimeout(1);
        setSocketTimeout(2);
        setOptions(STATEMENT_BOUND);
        // server errors without their DETAIL, which quotes row values (an email in a duplicate key):
        // these messages reach Hibernate's and the server's logs
        setLogServerErrorDetail(false);
        setTcpKeepAlive(true);
        // a JDBC batch of inserts (group commit, Caliper envelopes) goes as multi-row INSERTs
        setReWriteBatchedInserts(true);
    }

    /** The credentials come from PULSE_DB_USER; a server's empty default never replaces them. */
    @Override
    public void setUser(String user) {
        if (user != null && !user.isBlank()) {
            super.setUser(user);
        }
    }

    /** The password comes from PULSE_DB_PASSWORD; a server's empty default never replaces it. */
    @Override
    public void setPassword(String password) {
        if (password != null && !password.isEmpty()) {
            super.setPassword(password);
        }
    }

    /** A server that passes its (empty) configured credentials gets a connection with Pulse's own. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return user == null || user.isBlank() ? getConnection() : super.getConnection(user, password);
    }
}
