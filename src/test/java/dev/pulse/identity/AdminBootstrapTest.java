package dev.pulse.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(AdminBootstrap.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    AdminBootstrapTest() {
        log.addHandler(capture);
    }

    @AfterEach
    void detach() {
        log.removeHandler(capture);
    }

    private void startWith(Accounts.Bootstrap found) {
        AdminBootstrap bootstrap = new AdminBootstrap();
        bootstrap.email = Optional.of("root@pulse.test");
        bootstrap.password = Optional.of("a-new-password");
        bootstrap.accounts = new Accounts() {
            @Override
            public Bootstrap ensurePlatformAdmin(String email, String password) {
                return found;
            }
        };
        bootstrap.createAdministrator();
    }

    @Test
    void aChangedAdminPasswordIsRefusedWithAWarningThatSaysWhatToDoInstead() {
        startWith(Accounts.Bootstrap.PASSWORD_DIFFERS);
        assertEquals(1, logged.size());
        assertEquals(Level.WARNING, logged.get(0).getLevel());
        String line = logged.get(0).getMessage();
        assertTrue(line.contains("NOT applied") && line.contains("POST /v1/auth/password"), line);
        assertFalse(line.contains("root@pulse.test") || line.contains("a-new-password"), "no email or password in logs");
    }

    @Test
    void anUnchangedPasswordLogsNothingAndACreatedAdministratorIsLoggedWithoutItsEmail() {
        startWith(Accounts.Bootstrap.UNCHANGED);
        assertEquals(List.of(), logged);
        startWith(Accounts.Bootstrap.CREATED);
        assertEquals(Level.INFO, logged.get(0).getLevel());
        assertFalse(logged.get(0).getMessage().contains("root@pulse.test"));
    }
}
