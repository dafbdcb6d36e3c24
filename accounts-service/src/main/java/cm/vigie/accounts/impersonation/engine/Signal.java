package cm.vigie.accounts.impersonation.engine;

/**
 * One piece of evidence behind a score.
 *
 * @param code         stable machine code, e.g. {@code HANDLE_SKELETON}, {@code HANDLE_EDIT_DISTANCE},
 *                     {@code NAME_SKELETON}, {@code NAME_SIMILARITY}, {@code BAIT_TOKEN}, {@code OFFICIAL_TITLE},
 *                     {@code AVATAR_MATCH}, {@code YOUNG_ACCOUNT}, {@code FEW_FOLLOWERS}, {@code NOT_VERIFIED},
 *                     {@code DECLARED_FAN_OR_PARODY}, {@code OFFICIAL_HANDLE}
 * @param contribution what it added to (or, when negative, removed from) the score before it was clamped to 0..1
 * @param detail       short English explanation with the values involved, for people (not parsed)
 */
public record Signal(String code, double contribution, String detail) {
}
