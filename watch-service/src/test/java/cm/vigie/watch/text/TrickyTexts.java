package cm.vigie.watch.text;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random posts built from the pieces that make text analysis hard: URLs, mentions, hashtags in camel case, elisions
 * with every apostrophe, precomposed and combining accents, ligatures, letters whose case or folding is special
 * (ß, İ, ı, ſ, Σ, Kelvin sign), numbers that are not digits (², Ⅻ), full-width letters, surrogate pairs (emoji, a
 * mathematical letter), and the white space that regular expressions do or do not see.
 */
public final class TrickyTexts {

    private static final List<String> PIECES = List.of(
            "a", "B", "z", "Z", "le", "Les", "vaccins", "vaccin", "the", "and", "été", "ÉTÉ", "hôpital", "Yaoundé",
            "e\u0301", "\u0301", "\u0308", "\u20DD", "\u0903", "œ", "Œ", "æ", "Æ", "ß", "İ", "ı", "ſ", "Σ", "σ", "ς",
            "ΟΔΟΣ", "\u212A", "²", "Ⅻ", "½", "Ａ", "ｂ", "한", "\uD835\uDC00", "\uD83D\uDE21", "\uD83C\uDFFB", "❤", "…",
            "0", "5", "19", "5G", "x2", "_", ".", ",", ":", "/", "-", "!", "?", "'", "’", "ʼ", "`", "#", "@", "##",
            " ", " ", " ", "  ", "\t", "\n", "\u00A0", "\u2003", "\u000B",
            "http://", "https://", "HTTPS://", "httpſ://", "www.", "WWW.", "http:// ", "https://bit.ly/x", "www.example.cm/y",
            "l'", "L’", "d'", "qu'", "QU’", "jusqu'", "Jusqu`", "lorsqu'", "puisqu’", "s'", "c'", "n'", "t'", "m'", "j'",
            "aujourd'hui", "minister's", "don't", "c'est",
            "#StopVaccin", "#vaccin_19", "#5G", "#COVID19", "#aB1c", "#été", "#" + "a".repeat(120), "@MinSante",
            "@user.name", "contact@minsante.cm", "a#b", "a@b", "_@x", "é#x", "1www.x", "éhttp://x");

    private TrickyTexts() {
    }

    public static Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(24).map(pieces -> String.join("", pieces));
    }

    /** Pieces separated by spaces: closer to real posts, where URLs and signs start words. */
    public static Arbitrary<String> spacedTexts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(24).map(pieces -> String.join(" ", pieces));
    }

    /** Any characters at all, surrogates split or not. */
    public static Arbitrary<String> noise() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }
}
