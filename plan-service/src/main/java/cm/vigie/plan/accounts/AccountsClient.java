package cm.vigie.plan.accounts;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.plan.remote.Lookup;
import cm.vigie.plan.remote.RemoteJson;

/** The one thing plan-service asks accounts-service: is this id an official account of the caller's institution? */
@ApplicationScoped
public class AccountsClient {

    static final String OFFICIAL_ACCOUNT = "/api/accounts/official/";

    private final RemoteJson remote;
    private final AccountsSettings settings;

    AccountsClient(RemoteJson remote, AccountsSettings settings) {
        this.remote = remote;
        this.settings = settings;
    }

    /** Found with the account's handle; Missing when unknown or another institution's. */
    public Lookup<String> officialAccount(UUID id) {
        return remote.get("accounts-service", settings.url(), OFFICIAL_ACCOUNT + id, Map.of(), settings.timeout())
                .map(account -> account.path("handle").asText(id.toString()));
    }
}
