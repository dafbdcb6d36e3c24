package cm.vigie.watch.mention;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Case and accent folding and hashtag extraction for storage, search and term analytics. */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_])#([\\p{L}\\p{N}_]{1,100})");

    private TextFolding() {
    }

    /** Lower case without accents: {@code L'Hôpital} becomes {@code l'hopital}. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('œ', 'o').replace('æ', 'a');
    }

    /** Distinct hashtags, folded, without the {@code #}, in order of appearance. */
    public static List<String> hashtags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher matcher = HASHTAG.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tags.add(fold(matcher.group(1)));
        }
        return new ArrayList<>(tags);
    }
}
