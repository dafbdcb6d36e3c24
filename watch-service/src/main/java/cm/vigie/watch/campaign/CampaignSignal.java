package cm.vigie.watch.campaign;

/**
 * One reason a group looks coordinated, with its value and the words that explain it (French and English), so that
 * a community manager sees why, never only a score: coordination is not proof of bad faith.
 */
public record CampaignSignal(Kind kind, double value, String explanationFr, String explanationEn) {

    public enum Kind {
        ACCOUNTS, YOUNG_ACCOUNTS, SYNCHRONISATION, TEXT_SIMILARITY, SHARED_LINKS, SHARED_IMAGES, PLATFORMS, HASHTAGS,
        KNOWN_HOAXES, IMPERSONATORS
    }
}
