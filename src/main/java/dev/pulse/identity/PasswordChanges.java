package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.FieldMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user changing their own password: both fields are checked first (so a bad new password costs no
 * attempt), then the current password under the sign-in throttle, outside any transaction, then the
 * new one is written in its own transaction, which revokes every earlier token.
 */
@ApplicationScoped
public class PasswordChanges {

    static final String WRONG_PASSWORD = "Wrong password.";

    @Inject
    Accounts accounts;

    /** The account as it is after the change, holding the token version new tokens carry. */
    public Account change(long accountId, String currentPassword, String newPassword) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (currentPassword == null) {
            errors.put("current_password", List.of(FieldMessages.BREATHECODE.required()));
        }
        Accounts.passwordProblem(newPassword).ifPresent(problem -> errors.put("new_password", List.of(problem)));
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        accounts.checkPassword(accountId, currentPassword,
                () -> FieldMessages.BREATHECODE.invalid("current_password", WRONG_PASSWORD));
        accounts.replacePassword(accountId, newPassword);
        return accounts.byId(accountId).orElseThrow(() -> Accounts.userNotFound(String.valueOf(accountId)));
    }
}
