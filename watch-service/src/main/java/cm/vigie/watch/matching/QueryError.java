package cm.vigie.watch.matching;

/**
 * Why a query text does not parse.
 *
 * @param position  0-based character offset in the query text where the problem was found
 *                  (the text's length when something is missing at the end)
 * @param code      stable machine-readable code, e.g. {@code UNTERMINATED_PHRASE}; see {@code docs/query-language.md}
 * @param messageEn the explanation in English, quoting the position for a human reader
 * @param messageFr the same explanation in French
 */
public record QueryError(int position, String code, String messageEn, String messageFr) {
}
