package dev.pulse.groups;

import dev.pulse.groups.GroupViews.GroupView;
import dev.pulse.groups.GroupViews.MemberView;
import dev.pulse.identity.AccountState;
import dev.pulse.identity.AccountStates;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns group rows into views, naming accounts by uuid and {@link #publicName}; each account is looked
 * up once per answer. A group view never holds an email.
 */
final class GroupViewer {

    private final AccountStates accounts;
    private final Map<Long, Optional<AccountState>> seen = new HashMap<>();

    GroupViewer(AccountStates accounts) {
        this.accounts = accounts;
    }

    GroupView group(StudyGroup g) {
        return new GroupView(g.id(), g.name(), g.description(), g.status(), g.membershipType(), g.createdOn(),
                uuid(g.createdBy()), g.updatedOn(), uuid(g.updatedBy()));
    }

    MemberView member(GroupMember m) {
        return new MemberView(uuid(m.accountId()), m.group().id(), name(m.accountId()), m.role(), m.status(),
                m.createdOn(), uuid(m.createdBy()), m.updatedOn(), uuid(m.updatedBy()));
    }

    private Optional<AccountState> account(Long id) {
        return id == null ? Optional.empty() : seen.computeIfAbsent(id, accounts::byId);
    }

    private UUID uuid(Long id) {
        return account(id).map(AccountState::uuid).orElse(null);
    }

    private String name(Long id) {
        return account(id).flatMap(GroupViewer::publicName).orElse(null);
    }

    /**
     * What group members see of an account's name: "First Last", else the username, but nothing when
     * that looks like an email (a username defaults to the email it was made with).
     */
    static Optional<String> publicName(AccountState account) {
        return Optional.ofNullable(account.displayName()).filter(name -> !name.contains("@"));
    }
}
