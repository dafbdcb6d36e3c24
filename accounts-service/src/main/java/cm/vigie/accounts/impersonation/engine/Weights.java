package cm.vigie.accounts.impersonation.engine;

/**
 * Contribution of each signal. Fixed by reasoning about which evidence is deliberate (a copied handle, a
 * homoglyph, a claim of being official) and which is circumstantial (a young account), then checked against the
 * labelled set; see {@code docs/adr/0008-impersonation-scoring.md}.
 */
final class Weights {

    static final Weights DEFAULT = new Weights();

    /** An official handle copied (skeleton equal): enough for SUSPICIOUS alone, LIKELY with almost anything. */
    final double handleStrong = 0.60;
    /** A handle spelt from the person's name. */
    final double handleSpelt = 0.38;
    /** The display name is the reference's name. */
    final double name = 0.38;
    /** Share of the weaker of name and spelt handle when both say the same thing. */
    final double nameEcho = 0.15;
    final double nameSkeleton = 0.10;
    final double avatar = 0.35;
    final double baitClaim = 0.15;
    final double baitDigits = 0.08;
    final double baitMinor = 0.05;
    final double baitCap = 0.25;
    final double titleSpecific = 0.25;
    final double titleOffice = 0.12;
    final double titleHonorific = 0.05;
    final double young = 0.06;
    final double fewFollowers = 0.05;
    final double notVerified = 0.03;
    final double verified = -0.15;
    final double fan = -0.50;

    private Weights() {
    }
}
