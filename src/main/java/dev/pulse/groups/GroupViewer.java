package dev.pulse.groups;

import dev.pulse.groups.GroupViews.GroupView;
import dev.pulse.groups.GroupViews.MemberView;
import dev.pulse.identity.Account;
import dev.pulse.identity.Accounts;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Turns group rows into views, naming accounts by uuid and display name; each account is looked up once per answer. */
final class GroupViewer {

    private final Accounts accounts;
    private final Map<Long, Optional<Account>> seen = new HashMap<>();

    GroupViewer(Accounts accounts) {
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

    private Optional<Account> account(Long id) {
        return id == null ? Optional.empty() : seen.computeIfAbsent(id, accounts::byId);
    }

    private UUID uuid(Long id) {
        return account(id).map(Account::uuid).orElse(null);
    }

    private String name(Long id) {
        return account(id).map(Account::displayName).orElse(null);
    }
}
