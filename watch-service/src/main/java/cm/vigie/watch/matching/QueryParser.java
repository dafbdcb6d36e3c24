package cm.vigie.watch.matching;

import cm.vigie.watch.matching.Query.FieldName;
import cm.vigie.watch.matching.Query.Positional;
import cm.vigie.watch.matching.analysis.FieldValues;
import cm.vigie.watch.matching.analysis.TextAnalyzer;
import cm.vigie.watch.matching.analysis.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the watchlist query language described in {@code docs/query-language.md}.
 *
 * <pre>
 * query   = or EOF
 * or      = and ("OR" and)*
 * and     = unary (["AND"] unary)*          -- juxtaposition is AND
 * unary   = "NOT" unary | near
 * near    = primary ["NEAR/" n primary]     -- both sides words, phrases, prefixes, hashtags or mentions
 * primary = "(" or ")" | '"' words '"' | field ":" value | word | word "*" | "#" tag | "@" handle
 * </pre>
 * Operators are recognised in upper case only; {@code and}, {@code or}, {@code not} in lower case are words.
 */
public final class QueryParser {

    /** Longest query text accepted, in characters. */
    public static final int MAX_LENGTH = 10_000;
    /** Deepest nesting of parentheses and NOT accepted. */
    public static final int MAX_DEPTH = 64;
    /** Most words, phrases, prefixes and filters in one query. */
    public static final int MAX_CLAUSES = 1_000;
    /** Largest distance of {@code NEAR/n}. */
    public static final int MAX_NEAR = 100;

    private static final Pattern NEAR = Pattern.compile("NEAR/(\\d{1,9})");

    private QueryParser() {
    }

    /**
     * Parses {@code query}. Never throws: any input, {@code null} included, gives either a query (with warnings
     * when it looks too broad) or errors carrying their position and a message in English and French.
     */
    public static ParseResult parse(String query) {
        if (query == null || query.isBlank()) {
            return ParseResult.failure(error(0, "EMPTY_QUERY",
                    "The query is empty: write at least one word", "La requête est vide : écrivez au moins un mot").error);
        }
        if (query.length() > MAX_LENGTH) {
            return ParseResult.failure(error(MAX_LENGTH, "QUERY_TOO_LONG",
                    "The query is longer than " + MAX_LENGTH + " characters",
                    "La requête dépasse " + MAX_LENGTH + " caractères").error);
        }
        try {
            Query parsed = new Parser(query).parseQuery();
            return new ParseResult(parsed, List.of(), QueryWarnings.of(parsed));
        } catch (Failure failure) {
            return ParseResult.failure(failure.error);
        }
    }

    private static final class Failure extends RuntimeException {
        final QueryError error;

        Failure(QueryError error) {
            super(error.code(), null, false, false);
            this.error = error;
        }
    }

    private static Failure error(int position, String code, String en, String fr) {
        return new Failure(new QueryError(position, code,
                en + " (position " + position + ")", fr + " (position " + position + ")"));
    }

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, NEAR, PHRASE, WORD, END }

    private record Lexeme(Kind kind, String text, int position, int distance) {
    }

    private static final class Parser {
        private final String source;
        private final List<Lexeme> lexemes;
        private int next;
        private int depth;
        private int clauses;

        Parser(String source) {
            this.source = source;
            this.lexemes = lex(source);
        }

        Query parseQuery() {
            Query query = parseOr();
            Lexeme extra = peek();
            if (extra.kind() == Kind.RPAREN) {
                throw error(extra.position(), "UNEXPECTED_CLOSING_PARENTHESIS",
                        "This closing parenthesis has no opening parenthesis",
                        "Cette parenthèse fermante n'a pas de parenthèse ouvrante");
            }
            if (extra.kind() != Kind.END) {
                throw error(extra.position(), "UNEXPECTED_TOKEN",
                        "Unexpected '" + extra.text() + "'", "« " + extra.text() + " » inattendu");
            }
            return query;
        }

        private Query parseOr() {
            List<Query> clauses = new ArrayList<>();
            add(clauses, parseAnd(), Query.Or.class);
            while (peek().kind() == Kind.OR) {
                Lexeme or = take();
                expectOperand(or);
                add(clauses, parseAnd(), Query.Or.class);
            }
            return clauses.size() == 1 ? clauses.get(0) : new Query.Or(clauses);
        }

        private Query parseAnd() {
            List<Query> clauses = new ArrayList<>();
            add(clauses, parseUnary(), Query.And.class);
            while (true) {
                Kind kind = peek().kind();
                if (kind == Kind.AND) {
                    Lexeme and = take();
                    expectOperand(and);
                } else if (kind != Kind.WORD && kind != Kind.PHRASE && kind != Kind.LPAREN && kind != Kind.NOT) {
                    break;
                }
                add(clauses, parseUnary(), Query.And.class);
            }
            return clauses.size() == 1 ? clauses.get(0) : new Query.And(clauses);
        }

        private Query parseUnary() {
            Lexeme lexeme = peek();
            if (lexeme.kind() == Kind.NOT) {
                take();
                expectOperand(lexeme);
                enter(lexeme);
                Query operand = parseUnary();
                depth--;
                return new Query.Not(operand);
            }
            return parseNear();
        }

        private Query parseNear() {
            Lexeme leftStart = peek();
            Query left = parsePrimary();
            if (peek().kind() != Kind.NEAR) {
                return left;
            }
            Lexeme near = take();
            expectOperand(near);
            Lexeme rightStart = peek();
            Query right = parsePrimary();
            if (!(left instanceof Positional l)) {
                throw nearOperand(leftStart);
            }
            if (!(right instanceof Positional r)) {
                throw nearOperand(rightStart);
            }
            if (peek().kind() == Kind.NEAR) {
                throw error(peek().position(), "NEAR_CHAIN",
                        "NEAR joins exactly two words or phrases; combine several NEAR with AND and parentheses",
                        "NEAR relie exactement deux mots ou expressions ; combinez plusieurs NEAR avec AND et des parenthèses");
            }
            return new Query.Near(l, r, near.distance());
        }

        private Failure nearOperand(Lexeme start) {
            return error(start.position(), "NEAR_OPERAND",
                    "Each side of NEAR must be a word, a \"phrase\", a prefix*, a #hashtag or a @mention",
                    "Chaque côté de NEAR doit être un mot, une « expression », un préfixe*, un #hashtag ou une @mention");
        }

        private Query parsePrimary() {
            Lexeme lexeme = take();
            switch (lexeme.kind()) {
                case LPAREN -> {
                    if (peek().kind() == Kind.RPAREN) {
                        throw error(lexeme.position(), "EMPTY_GROUP",
                                "These parentheses contain nothing", "Ces parenthèses ne contiennent rien");
                    }
                    enter(lexeme);
                    Query inner = parseOr();
                    depth--;
                    if (peek().kind() != Kind.RPAREN) {
                        throw error(lexeme.position(), "UNCLOSED_PARENTHESIS",
                                "This opening parenthesis is never closed",
                                "Cette parenthèse ouvrante n'est jamais fermée");
                    }
                    take();
                    return inner;
                }
                case PHRASE -> {
                    return counted(phrase(lexeme));
                }
                case WORD -> {
                    return counted(word(lexeme));
                }
                default -> throw missingOperand(lexeme);
            }
        }

        private Query counted(Query leaf) {
            if (++clauses > MAX_CLAUSES) {
                throw error(0, "TOO_MANY_CLAUSES",
                        "The query has more than " + MAX_CLAUSES + " words, phrases and filters",
                        "La requête compte plus de " + MAX_CLAUSES + " mots, expressions et filtres");
            }
            return leaf;
        }

        private void enter(Lexeme lexeme) {
            if (++depth > MAX_DEPTH) {
                throw error(lexeme.position(), "TOO_DEEP",
                        "Parentheses and NOT are nested more than " + MAX_DEPTH + " levels deep",
                        "Les parenthèses et NOT sont imbriqués sur plus de " + MAX_DEPTH + " niveaux");
            }
        }

        /** After an operator, the next lexeme must start an operand. */
        private void expectOperand(Lexeme operator) {
            Lexeme following = peek();
            Kind kind = following.kind();
            if (kind != Kind.WORD && kind != Kind.PHRASE && kind != Kind.LPAREN
                    && !(kind == Kind.NOT && operator.kind() != Kind.NEAR)) {
                throw missingOperand(following, operator);
            }
        }

        private Failure missingOperand(Lexeme found) {
            return missingOperand(found, null);
        }

        private Failure missingOperand(Lexeme found, Lexeme after) {
            String afterEn = after == null ? "" : " after " + after.text();
            String afterFr = after == null ? "" : " après " + after.text();
            if (found.kind() == Kind.END) {
                return error(found.position(), "MISSING_OPERAND",
                        "The query ends where a word, phrase or group is expected" + afterEn,
                        "La requête se termine là où un mot, une expression ou un groupe est attendu" + afterFr);
            }
            if (found.kind() == Kind.RPAREN) {
                return error(found.position(), "MISSING_OPERAND",
                        "A word, phrase or group is expected" + afterEn + " before this closing parenthesis",
                        "Un mot, une expression ou un groupe est attendu" + afterFr + " avant cette parenthèse fermante");
            }
            return error(found.position(), "MISSING_OPERAND",
                    "A word, phrase or group is expected" + afterEn + ", not the operator " + found.text(),
                    "Un mot, une expression ou un groupe est attendu" + afterFr + ", pas l'opérateur " + found.text());
        }

        private Lexeme peek() {
            return lexemes.get(next);
        }

        private Lexeme take() {
            Lexeme lexeme = lexemes.get(next);
            if (lexeme.kind() != Kind.END) {
                next++;
            }
            return lexeme;
        }

        private static void add(List<Query> clauses, Query clause, Class<? extends Query> flattened) {
            if (flattened == Query.And.class && clause instanceof Query.And and) {
                clauses.addAll(and.clauses());
            } else if (flattened == Query.Or.class && clause instanceof Query.Or or) {
                clauses.addAll(or.clauses());
            } else {
                clauses.add(clause);
            }
        }

        private Query phrase(Lexeme lexeme) {
            List<String> words = primaryTerms(lexeme.text());
            if (words.isEmpty()) {
                throw error(lexeme.position(), "EMPTY_PHRASE",
                        "This phrase contains no word", "Cette expression ne contient aucun mot");
            }
            return ofTerms(words);
        }

        private Query word(Lexeme lexeme) {
            String raw = lexeme.text();
            int position = lexeme.position();
            if (raw.length() > 1 && raw.charAt(0) == '-') {
                throw error(position, "DASH_NEGATION",
                        "Write NOT " + raw.substring(1) + " to exclude a word; a leading '-' is not an operator",
                        "Écrivez NOT " + raw.substring(1) + " pour exclure un mot ; un « - » initial n'est pas un opérateur");
            }
            int colon = raw.indexOf(':');
            if (colon > 0 && isAsciiLetters(raw, colon)) {
                return field(raw, colon, position);
            }
            int star = raw.indexOf('*');
            if (star >= 0) {
                return prefix(raw, star, position);
            }
            List<String> terms = primaryTerms(raw);
            if (terms.isEmpty()) {
                throw error(position, "NO_SEARCHABLE_TEXT",
                        "'" + raw + "' contains no letter or digit to search (a URL is searched with domain:)",
                        "« " + raw + " » ne contient aucune lettre ni chiffre à chercher (une URL se cherche avec domain:)");
            }
            return ofTerms(terms);
        }

        private Query prefix(String raw, int star, int position) {
            if (star != raw.length() - 1) {
                throw error(position + star, "INVALID_WILDCARD",
                        "A wildcard * may only end a word, as in vaccin*",
                        "Un joker * ne peut que terminer un mot, comme dans vaccin*");
            }
            List<Token> tokens = TextAnalyzer.analyze(raw.substring(0, star)).tokens();
            if (tokens.isEmpty()) {
                throw error(position, "BARE_WILDCARD",
                        "A wildcard * needs at least one letter before it, as in vaccin*",
                        "Un joker * doit suivre au moins une lettre, comme dans vaccin*");
            }
            Token token = tokens.get(0);
            if (tokens.size() > 1 || token.isSigned() || token.end() != star) {
                throw error(position + star, "INVALID_WILDCARD",
                        "A wildcard * applies to one plain word, as in vaccin*, not to a phrase, hashtag or mention",
                        "Un joker * s'applique à un seul mot simple, comme dans vaccin*, pas à une expression, un hashtag ou une mention");
            }
            return new Query.Prefix(token.term());
        }

        private Query field(String raw, int colon, int position) {
            String name = raw.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = raw.substring(colon + 1);
            FieldName field = switch (name) {
                case "author" -> FieldName.AUTHOR;
                case "platform" -> FieldName.PLATFORM;
                case "lang" -> FieldName.LANG;
                case "domain" -> FieldName.DOMAIN;
                default -> throw error(position, "UNKNOWN_FIELD",
                        "Unknown field '" + name + "'; the fields are author:, platform:, lang: and domain:",
                        "Champ « " + name + " » inconnu ; les champs sont author:, platform:, lang: et domain:");
            };
            int valuePosition = position + colon + 1;
            if (value.isEmpty()) {
                throw error(valuePosition, "EMPTY_FIELD_VALUE",
                        "The field " + name + ": needs a value right after the colon, as in " + name + ":" + example(field),
                        "Le champ " + name + ": attend une valeur juste après les deux-points, comme " + name + ":" + example(field));
            }
            if (value.indexOf('*') >= 0) {
                throw error(valuePosition + value.indexOf('*'), "INVALID_WILDCARD",
                        "Field values take no wildcard", "Les valeurs de champ n'acceptent pas de joker");
            }
            String normalised = switch (field) {
                case AUTHOR -> FieldValues.author(value.startsWith("@") ? value.substring(1) : value);
                case PLATFORM -> FieldValues.platform(value);
                case LANG -> FieldValues.language(value);
                case DOMAIN -> FieldValues.domain(value);
            };
            if (normalised.isEmpty() || (field == FieldName.DOMAIN && normalised.indexOf('.') < 0)) {
                throw error(valuePosition, "INVALID_FIELD_VALUE",
                        "'" + value + "' is not a valid value for " + name + ":, e.g. " + name + ":" + example(field),
                        "« " + value + " » n'est pas une valeur valable pour " + name + ":, par exemple " + name + ":" + example(field));
            }
            return new Query.Field(field, normalised);
        }

        private static String example(FieldName field) {
            return switch (field) {
                case AUTHOR -> "minsante_cm";
                case PLATFORM -> "facebook";
                case LANG -> "fr";
                case DOMAIN -> "crtv.cm";
            };
        }

        private static boolean isAsciiLetters(String raw, int end) {
            for (int i = 0; i < end; i++) {
                char c = raw.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The first token of each position: the signed form of a hashtag or mention, else the word. */
    static List<String> primaryTerms(String text) {
        List<String> terms = new ArrayList<>();
        int lastPosition = -1;
        for (Token token : TextAnalyzer.analyze(text).tokens()) {
            if (token.position() != lastPosition) {
                terms.add(token.term());
                lastPosition = token.position();
            }
        }
        return terms;
    }

    private static Query ofTerms(List<String> terms) {
        if (terms.size() > 1) {
            return new Query.Phrase(terms);
        }
        String term = terms.get(0);
        return switch (term.charAt(0)) {
            case '#' -> new Query.Hashtag(term.substring(1));
            case '@' -> new Query.Mention(term.substring(1));
            default -> new Query.Term(term);
        };
    }

    private static List<Lexeme> lex(String source) {
        List<Lexeme> lexemes = new ArrayList<>();
        int length = source.length();
        int i = 0;
        while (i < length) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                lexemes.add(new Lexeme(Kind.LPAREN, "(", i++, 0));
            } else if (c == ')') {
                lexemes.add(new Lexeme(Kind.RPAREN, ")", i++, 0));
            } else if (isQuote(c)) {
                int close = i + 1;
                while (close < length && !isQuote(source.charAt(close))) {
                    close++;
                }
                if (close >= length) {
                    throw error(i, "UNTERMINATED_PHRASE",
                            "This quote opens a phrase that is never closed",
                            "Ce guillemet ouvre une expression qui n'est jamais fermée");
                }
                lexemes.add(new Lexeme(Kind.PHRASE, source.substring(i + 1, close), i, 0));
                i = close + 1;
            } else {
                int end = i;
                while (end < length && !Character.isWhitespace(source.charAt(end))
                        && source.charAt(end) != '(' && source.charAt(end) != ')' && !isQuote(source.charAt(end))) {
                    end++;
                }
                lexemes.add(operatorOrWord(source.substring(i, end), i));
                i = end;
            }
        }
        lexemes.add(new Lexeme(Kind.END, "", length, 0));
        return lexemes;
    }

    private static Lexeme operatorOrWord(String raw, int position) {
        switch (raw) {
            case "AND" -> {
                return new Lexeme(Kind.AND, raw, position, 0);
            }
            case "OR" -> {
                return new Lexeme(Kind.OR, raw, position, 0);
            }
            case "NOT" -> {
                return new Lexeme(Kind.NOT, raw, position, 0);
            }
            default -> {
            }
        }
        if (raw.equals("NEAR") || raw.startsWith("NEAR/")) {
            Matcher matcher = NEAR.matcher(raw);
            if (!matcher.matches()) {
                throw error(position, "INVALID_NEAR",
                        "NEAR takes a distance in words, as in NEAR/5",
                        "NEAR prend une distance en mots, comme NEAR/5");
            }
            int distance = Integer.parseInt(matcher.group(1));
            if (distance > MAX_NEAR) {
                throw error(position, "INVALID_NEAR",
                        "The distance of NEAR is at most " + MAX_NEAR + " words",
                        "La distance de NEAR est d'au plus " + MAX_NEAR + " mots");
            }
            return new Lexeme(Kind.NEAR, raw, position, distance);
        }
        return new Lexeme(Kind.WORD, raw, position, 0);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB';
    }
}
