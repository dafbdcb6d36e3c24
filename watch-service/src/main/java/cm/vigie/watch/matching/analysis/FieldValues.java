package cm.vigie.watch.matching.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Normal forms of the document fields that {@code author:}, {@code platform:}, {@code lang:} and {@code domain:} test. */
public final class FieldValues {

    private FieldValues() {
    }

    /** {@code "@MinSanté_CM"} → {@code "minsante_cm"}: folded, without {@code @}, letters, digits, {@code _ . -} kept. */
    public static String author(String handle) {
        if (handle == null) {
            return "";
        }
        return keep(Folding.fold(handle.strip()), "_.-");
    }

    /** {@code "Facebook"} → {@code "facebook"}: folded, letters, digits, {@code _ . -} kept. */
    public static String platform(String platform) {
        if (platform == null) {
            return "";
        }
        return keep(Folding.fold(platform.strip()), "_.-");
    }

    /** {@code "fr-CM"} → {@code "fr"}: the primary subtag, folded, letters only. */
    public static String language(String language) {
        if (language == null) {
            return "";
        }
        String folded = Folding.fold(language.strip());
        int cut = 0;
        while (cut < folded.length() && folded.charAt(cut) != '-' && folded.charAt(cut) != '_') {
            cut++;
        }
        return keep(folded.substring(0, cut), "");
    }

    /** A host in normal form, see {@link TextAnalyzer#normaliseHost}. */
    public static String domain(String domain) {
        if (domain == null) {
            return "";
        }
        String d = domain.strip();
        int scheme = d.indexOf("://");
        if (scheme >= 0) {
            d = d.substring(scheme + 3);
        }
        int cut = 0;
        while (cut < d.length() && "/?#:".indexOf(d.charAt(cut)) < 0) {
            cut++;
        }
        return TextAnalyzer.normaliseHost(d.substring(0, cut));
    }

    /**
     * The values a {@code domain:} filter can take to match these domains: each domain and every parent domain
     * that still has a dot ({@code news.crtv.cm} → {@code news.crtv.cm}, {@code crtv.cm}).
     */
    public static List<String> domainSuffixes(Collection<String> normalisedDomains) {
        List<String> out = new ArrayList<>();
        for (String d : normalisedDomains) {
            if (d.isEmpty()) {
                continue;
            }
            String current = d;
            while (true) {
                if (!out.contains(current)) {
                    out.add(current);
                }
                int dot = current.indexOf('.');
                if (dot < 0 || current.indexOf('.', dot + 1) < 0) {
                    break;
                }
                current = current.substring(dot + 1);
            }
        }
        return out;
    }

    private static String keep(String folded, String extra) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || extra.indexOf(c) >= 0) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
