package dev.pulse.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.identity.AccountState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What group members see of another account's name: never an email. */
class GroupViewerTest {

    private static AccountState account(String email, String username, String first, String last) {
        return new AccountState(7, UUID.randomUUID(), email, username, first, last, false, true, 0, List.of(), List.of());
    }

    @Test
    void theNameIsShownElseTheUsernameButNeverAnEmail() {
        assertEquals(Optional.of("Ada Lovelace"), GroupViewer.publicName(account("ada@x.org", "ada@x.org", "Ada", "Lovelace")));
        assertEquals(Optional.of("countess"), GroupViewer.publicName(account("ada@x.org", "countess", "", "")));
        assertEquals(Optional.empty(), GroupViewer.publicName(account("ada@x.org", "ada@x.org", "", "")),
                "a username made from the email is not shown");
        assertEquals(Optional.empty(), GroupViewer.publicName(account("ada@x.org", "old@y.org", " ", "")));
    }
}
