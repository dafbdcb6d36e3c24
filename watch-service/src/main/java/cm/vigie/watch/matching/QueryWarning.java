package cm.vigie.watch.matching;

/**
 * A remark on a valid query: it is likely to match far more than intended (a very common or very short
 * word alone, a wildcard of fewer than 3 letters, a query made only of NOT or only of field filters...).
 *
 * @param code      stable machine-readable code, e.g. {@code NOT_ONLY}; see {@code docs/query-language.md}
 * @param messageEn the explanation in English
 * @param messageFr the same explanation in French
 */
public record QueryWarning(String code, String messageEn, String messageFr) {
}
