package cm.vigie.watch.matching.analysis;

import java.text.Normalizer;
import java.util.Locale;

/** Case and accent folding shared by the text, the query words and the field values. */
public final class Folding {

    private Folding() {
    }

    /**
     * Lower case without diacritics: {@code "Hôpital"} → {@code "hopital"}, {@code "Œuvre"} → {@code "oeuvre"}.
     * Compatibility forms are unified too (full-width letters, ligatures such as {@code "ﬁ"}).
     */
    public static String fold(CharSequence text) {
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return text.toString().toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            switch (cp) {
                case 'œ', 'Œ' -> out.append("oe");
                case 'æ', 'Æ' -> out.append("ae");
                case 'ß', 'ẞ' -> out.append("ss");
                case 'ø', 'Ø' -> out.append('o');
                case 'đ', 'Đ' -> out.append('d');
                case 'ł', 'Ł' -> out.append('l');
                case 'ı' -> out.append('i');
                default -> out.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return out.toString();
    }
}
