package cm.vigie.accounts.official;

/** Where an institution publishes. */
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
