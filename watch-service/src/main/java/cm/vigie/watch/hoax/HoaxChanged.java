package cm.vigie.watch.hoax;

/**
 * Fired when a hoax is created, edited, deleted, withdrawn or reinstated; observed after the commit to refresh the
 * detector's indexes.
 *
 * @param institutionId         the owner, whose own index changes
 * @param sharedRegistryChanged whether the set of published hoaxes may have changed
 */
public record HoaxChanged(String institutionId, boolean sharedRegistryChanged) {
}
