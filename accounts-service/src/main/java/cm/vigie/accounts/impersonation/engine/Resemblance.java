package cm.vigie.accounts.impersonation.engine;

/**
 * An official account that a looked-up handle resembles.
 *
 * @param reference  the official account ({@link ReferenceKind#OFFICIAL_ACCOUNT})
 * @param similarity 0..1, 1 when the confusable skeletons are equal
 */
public record Resemblance(Reference reference, double similarity) {
}
