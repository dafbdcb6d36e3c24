package cm.vigie.accounts.person;

import java.util.UUID;

/** CDI event fired inside the transaction that deletes a protected person, so that cases can drop the link. */
public record PersonDeleted(UUID personId) {
}
