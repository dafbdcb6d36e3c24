package cm.vigie.watch.matching.analysis;

import java.util.List;

/**
 * A text cut into {@link Token}s, plus the hosts of the URLs it contains (URLs give no word tokens).
 *
 * @param tokens    in text order, positions non-decreasing
 * @param urlHosts  lower-case hosts without a leading {@code www.}, in text order
 */
public record AnalyzedText(List<Token> tokens, List<String> urlHosts) {

    public AnalyzedText {
        tokens = List.copyOf(tokens);
        urlHosts = List.copyOf(urlHosts);
    }

    /** Number of word positions (0 when there is no word). */
    public int positionCount() {
        return tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).position() + 1;
    }
}
