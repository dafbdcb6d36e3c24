package cm.vigie.watch.source;

import java.util.UUID;

/**
 * What a connector needs of a source. The fields are generic on purpose so that a new connector needs no new column:
 *
 * @param url         what to read: a feed URL, an API endpoint or search URL
 * @param account     the account on the platform: a Facebook page id, a channel, a handle
 * @param secret      what proves Vigie's or the platform's identity: an app secret, an API token (never shown back)
 * @param verifyToken the token a platform echoes in a webhook handshake (never shown back)
 */
public record SourceSettings(UUID id, String institutionId, String type, String name, String url, String account,
        String secret, String verifyToken) {
}
