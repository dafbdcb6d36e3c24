package cm.vigie.watch.matching.analysis;

/**
 * One word of an analysed text.
 *
 * @param term      the normalised word: lower case, no accents; {@code #tag} and {@code @handle} keep their sign
 * @param position  word position (0, 1, 2...); a hashtag or mention gives two tokens at the same position:
 *                  {@code #tag} then {@code tag}
 * @param start     offset of the first character in the original text
 * @param end       offset after the last character in the original text
 */
public record Token(String term, int position, int start, int end) {

    /** {@code true} for the {@code #tag} and {@code @handle} tokens. */
    public boolean isSigned() {
        return !term.isEmpty() && (term.charAt(0) == '#' || term.charAt(0) == '@');
    }
}
