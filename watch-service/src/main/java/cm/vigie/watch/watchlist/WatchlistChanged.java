package cm.vigie.watch.watchlist;

/** Fired inside the transaction that changes a watchlist; the engine cache drops the institution once it commits. */
public record WatchlistChanged(String institutionId) {
}
