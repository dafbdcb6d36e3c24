package cm.vigie.plan.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.plan.remote.Lookup;

/** Checks channel ids against accounts-service: an unknown one answers 422, accounts-service down 503. */
@ApplicationScoped
public class ChannelCheck {

    private final AccountsClient accounts;

    ChannelCheck(AccountsClient accounts) {
        this.accounts = accounts;
    }

    public void requireOfficial(List<UUID> channels, IntFunction<String> fieldOf) {
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            UUID id = channels.get(i);
            if (channels.indexOf(id) < i) {
                continue;
            }
            Lookup<String> account = accounts.officialAccount(id);
            if (account instanceof Lookup.Unavailable<String> down) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "accounts.unavailable", down.reason());
            }
            if (account instanceof Lookup.Missing<String>) {
                unknown.add(new FieldError(fieldOf.apply(i), "channel.unknown"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, unknown, "channel.unknown.detail");
        }
    }
}
