package cm.vigie.accounts.impersonation.engine;

import java.util.List;
import java.util.Set;

/** What a bio says that matters: claims of authenticity, declared fan or parody pages, offices, title words. */
final class BioShape {

    static final BioShape EMPTY = new BioShape(Set.of(), false, false, false);

    private static final Set<String> AFFILIATION = Set.of("affilie", "affiliee", "affiliated", "lie", "linked",
            "associated", "associe");

    final Set<String> folds;
    final boolean claim;
    final boolean fan;
    final boolean office;

    private BioShape(Set<String> folds, boolean claim, boolean fan, boolean office) {
        this.folds = folds;
        this.claim = claim;
        this.fan = fan;
        this.office = office;
    }

    static BioShape of(String bio) {
        if (bio == null || bio.isBlank()) {
            return EMPTY;
        }
        List<String> words = Text.words(Text.fold(bio));
        boolean claim = false;
        boolean fan = false;
        boolean office = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // "non officiel", "not official", "not an official", "pas le compte officiel"
            boolean negated = false;
            for (int back = 1; back <= 3 && back <= i; back++) {
                negated |= Lexicon.NEGATION_FOLDS.contains(words.get(i - back));
            }
            if (Lexicon.FAN_FOLDS.contains(word)) {
                fan = true;
            } else if (Lexicon.CLAIM_FOLDS.contains(word)) {
                if (negated) {
                    fan = true;
                } else {
                    claim = true;
                }
            } else if (AFFILIATION.contains(word) && negated) {
                fan = true;
            } else if (Lexicon.OFFICE_FOLDS.contains(word)) {
                office = true;
            }
            if (i > 0 && isClaimPhrase(words.get(i - 1), word)) {
                claim = true;
            }
        }
        return new BioShape(Set.copyOf(words), claim, fan, office);
    }

    private static boolean isClaimPhrase(String first, String second) {
        for (List<String> phrase : Lexicon.CLAIM_PHRASES) {
            if (phrase.get(0).equals(first) && phrase.get(1).equals(second)) {
                return true;
            }
        }
        return false;
    }
}
