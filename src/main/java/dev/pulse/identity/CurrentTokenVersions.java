package dev.pulse.identity;

import dev.pulse.platform.security.TokenVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalInt;

/** Platform's {@link TokenVersions} port from remembered account and client state: no read per request. */
@ApplicationScoped
public class CurrentTokenVersions implements TokenVersions {

    @Inject
    AccountStates accounts;

    @Inject
    ClientStates clients;

    @Override
    public OptionalInt ofAccount(long accountId) {
        return accounts.byId(accountId).filter(AccountState::active)
                .map(s -> OptionalInt.of(s.tokenVersion())).orElse(OptionalInt.empty());
    }

    @Override
    public OptionalInt ofClient(String clientId) {
        return clients.byClientId(clientId).filter(ClientStates.ClientState::active)
                .map(s -> OptionalInt.of(s.tokenVersion())).orElse(OptionalInt.empty());
    }
}
