package cm.vigie.watch.source.meta;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cm.vigie.watch.mention.MentionInput;

/**
 * Turns a Page webhook delivery into mentions: {@code entry[].changes[]} of field {@code feed} whose {@code item} is a
 * post (status, post, photo, video, share) or a comment, with verb {@code add} or {@code edited} and a message.
 * Reactions, removals and changes of another page are ignored.
 */
final class MetaEvents {

    private static final Set<String> POSTS = Set.of("status", "post", "photo", "video", "share");
    private static final Set<String> VERBS = Set.of("add", "edited");
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    record Parsed(List<MentionInput> mentions, int changes, int ignored) {
    }

    private MetaEvents() {
    }

    static Parsed parse(JsonNode delivery, String pageId, Instant receivedAt) {
        List<MentionInput> mentions = new ArrayList<>();
        int changes = 0;
        int ignored = 0;
        if (!"page".equals(delivery.path("object").asText())) {
            return new Parsed(mentions, 0, 0);
        }
        for (JsonNode entry : delivery.path("entry")) {
            boolean ourPage = pageId.equals(entry.path("id").asText());
            for (JsonNode change : entry.path("changes")) {
                changes++;
                MentionInput mention = ourPage ? mention(change, receivedAt) : null;
                if (mention == null) {
                    ignored++;
                } else {
                    mentions.add(mention);
                }
            }
        }
        return new Parsed(mentions, changes, ignored);
    }

    private static MentionInput mention(JsonNode change, Instant receivedAt) {
        if (!"feed".equals(change.path("field").asText())) {
            return null;
        }
        JsonNode value = change.path("value");
        String item = value.path("item").asText("").toLowerCase(Locale.ROOT);
        String verb = value.path("verb").asText("").toLowerCase(Locale.ROOT);
        String message = text(value, "message");
        if (!VERBS.contains(verb) || message == null) {
            return null;
        }
        String externalId;
        String inReplyTo = null;
        if (item.equals("comment")) {
            externalId = text(value, "comment_id");
            inReplyTo = text(value, "parent_id") != null ? text(value, "parent_id") : text(value, "post_id");
        } else if (POSTS.contains(item)) {
            externalId = text(value, "post_id");
        } else {
            return null;
        }
        if (externalId == null) {
            return null;
        }
        JsonNode from = value.path("from");
        MentionInput.Author author = from.isObject()
                ? new MentionInput.Author(text(from, "id"), text(from, "name"), null, null) : null;
        return new MentionInput("FACEBOOK", externalId, "https://www.facebook.com/" + externalId, author, message, null,
                time(value.path("created_time"), receivedAt), null, inReplyTo);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** Graph API times are Unix seconds, or (older versions) {@code 2026-11-27T08:00:00+0000}. */
    private static Instant time(JsonNode value, Instant fallback) {
        Instant time = fallback;
        if (value.isNumber()) {
            time = Instant.ofEpochSecond(value.asLong());
        } else if (value.isTextual()) {
            try {
                time = OffsetDateTime.parse(value.asText(), GRAPH_TIME).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    time = Instant.parse(value.asText());
                } catch (DateTimeParseException ignored) {
                    time = fallback;
                }
            }
        }
        return time.isAfter(fallback) ? fallback : time;
    }
}
