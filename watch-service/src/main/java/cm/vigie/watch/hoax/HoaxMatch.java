package cm.vigie.watch.hoax;

import java.util.UUID;

/** A known hoax that a text restates, with the estimated similarity in [0, 1]. */
public record HoaxMatch(UUID hoaxId, double similarity) {
}
