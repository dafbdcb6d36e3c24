package cm.vigie.watch.source.rss;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The readable text of the HTML fragments feeds carry in descriptions and contents. */
final class Html {

    private static final Pattern DROPPED = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6])\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00a0]+");
    private static final Pattern LINES = Pattern.compile("\\s*\\n\\s*");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("rsquo", "’"), Map.entry("lsquo", "‘"),
            Map.entry("rdquo", "”"), Map.entry("ldquo", "“"), Map.entry("hellip", "…"), Map.entry("ndash", "–"),
            Map.entry("mdash", "—"), Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("ecirc", "ê"),
            Map.entry("agrave", "à"), Map.entry("acirc", "â"), Map.entry("ccedil", "ç"), Map.entry("ocirc", "ô"),
            Map.entry("ucirc", "û"), Map.entry("ugrave", "ù"), Map.entry("icirc", "î"), Map.entry("iuml", "ï"),
            Map.entry("Eacute", "É"), Map.entry("euro", "€"));

    private Html() {
    }

    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = DROPPED.matcher(html).replaceAll(" ");
        text = BREAKS.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll(" ");
        text = decode(text);
        text = SPACES.matcher(text).replaceAll(" ");
        return LINES.matcher(text).replaceAll("\n").strip();
    }

    private static String decode(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (entity.find()) {
            String name = entity.group(1);
            String replacement;
            if (name.startsWith("#")) {
                try {
                    int code = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    replacement = Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : " ";
                } catch (NumberFormatException e) {
                    replacement = " ";
                }
            } else {
                replacement = NAMED.getOrDefault(name, entity.group());
            }
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }
}
