package cm.vigie.watch.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A post as the coordination detector sees it: who published what, where and when. {@code accountCreatedAt} is null
 * when the platform does not say; {@code hoaxes} are the known hoaxes the post carries; {@code impersonates} tells
 * whether its author resembles a protected person or an official account.
 */
public record SharedPost(String id, String account, String platform, Instant at, String text, List<String> links,
        List<String> hashtags, String imageHash, Instant accountCreatedAt, List<String> hoaxes, boolean impersonates) {

    public SharedPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        text = text == null ? "" : text;
        links = links == null ? List.of() : List.copyOf(links);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        hoaxes = hoaxes == null ? List.of() : List.copyOf(hoaxes);
    }
}
