package cm.vigie.accounts.official;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an institution publishes: the kinds of official account. Not the same list as the platforms mentions come
 * from (watch-service's {@code Platform}: no RSS or OTHER there, and a WhatsApp channel or a website is an account
 * here), hence its own schema name in the API document.
 */
@Schema(name = "AccountPlatform", description = "Where an institution publishes: the kind of an official account")
public enum Platform {
    FACEBOOK,
    X,
    INSTAGRAM,
    TIKTOK,
    YOUTUBE,
    LINKEDIN,
    TELEGRAM,
    WHATSAPP_CHANNEL,
    WEBSITE
}
