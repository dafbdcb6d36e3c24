package cm.vigie.accounts.official;

import java.util.UUID;

/**
 * Fired (synchronously, inside the change's transaction) when an account's platform, handle or display name changed:
 * its ownership must be proven again, so any pending proof of the old identity is dropped.
 */
public record IdentityChanged(UUID accountId) {
}
