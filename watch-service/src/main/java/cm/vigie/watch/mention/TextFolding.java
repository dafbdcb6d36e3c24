package cm.vigie.watch.mention;

import java.util.ArrayList;
import java.util.List;

import cm.vigie.watch.text.Fold;

/** Case and accent folding and hashtag extraction for storage, search and term analytics. */
public final class TextFolding {

    static final int MAX_HASHTAG = 100;

    private TextFolding() {
    }

    /** Lower case without accents: {@code L'Hôpital} becomes {@code l'hopital}. */
    public static String fold(String text) {
        return text == null ? "" : Fold.forStorage(text);
    }

    /**
     * Distinct hashtags, folded, without the {@code #}, in order of appearance: what
     * {@code (?<![\p{L}\p{N}_])#([\p{L}\p{N}_]{1,100})} finds (at most 100 characters of a longer tag).
     */
    public static List<String> hashtags(String text) {
        if (text == null || text.indexOf('#') < 0) {
            return new ArrayList<>();
        }
        List<String> tags = new ArrayList<>();
        int length = text.length();
        for (int i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
            if (i > 0 && isTagChar(text.charAt(i - 1))) {
                continue;
            }
            int end = i + 1;
            int count = 0;
            while (end < length && count < MAX_HASHTAG) {
                int cp = text.codePointAt(end);
                if (!isTagChar(cp)) {
                    break;
                }
                end += Character.charCount(cp);
                count++;
            }
            if (count == 0) {
                continue;
            }
            String tag = fold(text.substring(i + 1, end));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
            i = end - 1;
        }
        return tags;
    }

    /** {@code [\p{L}\p{N}_]}; a lone char before the sign is what a look-behind sees (half a surrogate pair is none). */
    private static boolean isTagChar(int cp) {
        return cp == '_' || Fold.isLetterOrNumber(cp);
    }
}
