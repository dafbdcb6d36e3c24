package cm.vigie.watch.source.rss;

import java.util.Map;

/**
 * The readable text of the HTML fragments feeds carry in descriptions and contents.
 *
 * <p>One pass over the input, in time linear in its length whatever it holds: a description is written by whoever
 * runs the feed, and the regular expressions this replaces ({@code <[^>]*>} and friends) took quadratic time on a
 * run of {@code <} without a {@code >} (a 5 MB one held a poller thread for minutes). Each search for a closing
 * {@code >}, {@code -->} or {@code </script} either jumps past what it found or, when nothing is found, remembers
 * that nothing of the kind follows, so no character is scanned more than a bounded number of times.
 *
 * <p>What it does: {@code <script>} and {@code <style>} elements and comments are dropped; {@code <br>} and the end
 * of paragraphs, divisions, list items and headings become line breaks; other tags become a space; a {@code <}
 * that opens no tag stays as text; character references are decoded; runs of blanks become one space, runs holding
 * a line break one line break.
 */
final class Html {

    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("rsquo", "’"), Map.entry("lsquo", "‘"),
            Map.entry("rdquo", "”"), Map.entry("ldquo", "“"), Map.entry("hellip", "…"), Map.entry("ndash", "–"),
            Map.entry("mdash", "—"), Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("ecirc", "ê"),
            Map.entry("agrave", "à"), Map.entry("acirc", "â"), Map.entry("ccedil", "ç"), Map.entry("ocirc", "ô"),
            Map.entry("ucirc", "û"), Map.entry("ugrave", "ù"), Map.entry("icirc", "î"), Map.entry("iuml", "ï"),
            Map.entry("Eacute", "É"), Map.entry("euro", "€"));
    private static final String[] BREAK_NAMES = { "br", "/p", "/div", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6" };
    private static final String[] DROPPED_ELEMENTS = { "script", "style" };
    private static final int NOT_SEARCHED = -2;
    private static final int NONE = -1;

    private Html() {
    }

    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return new Scan(html).run();
    }

    private static final class Scan {
        private final String in;
        /** The input with ASCII letters lower-cased, same indices. */
        private final String lower;
        private final StringBuilder out;
        /** Last found (or NONE) position of each searched needle, so a search never runs twice over the same text. */
        private int nextGt = NOT_SEARCHED;
        private int nextCommentEnd = NOT_SEARCHED;
        private int nextScriptEnd = NOT_SEARCHED;
        private int nextStyleEnd = NOT_SEARCHED;

        Scan(String in) {
            this.in = in;
            char[] chars = in.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                char c = chars[i];
                if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) (c + ('a' - 'A'));
                }
            }
            this.lower = new String(chars);
            this.out = new StringBuilder(in.length());
        }

        String run() {
            StringBuilder raw = new StringBuilder(in.length());
            int n = in.length();
            int i = 0;
            while (i < n) {
                char c = in.charAt(i);
                if (c != '<') {
                    raw.append(c);
                    i++;
                    continue;
                }
                int next = markup(i, raw);
                if (next < 0) {
                    raw.append('<');
                    i++;
                } else {
                    i = next;
                }
            }
            decodeInto(raw);
            return normaliseSpaces();
        }

        /** Handles the markup opening at {@code at}; answers where the text resumes, or -1 when it is no markup. */
        private int markup(int at, StringBuilder raw) {
            if (lower.startsWith("<!--", at)) {
                int end = find("-->", at + 4, Needle.COMMENT);
                if (end >= 0) {
                    raw.append(' ');
                    return end + 3;
                }
            }
            for (String element : DROPPED_ELEMENTS) {
                if (lower.startsWith(element, at + 1) && boundary(at + 1 + element.length())) {
                    int end = closing(element, at + 1 + element.length());
                    if (end >= 0) {
                        raw.append(' ');
                        return end;
                    }
                }
            }
            int gt = gtFrom(at + 1);
            if (gt < 0) {
                return -1; // no '>' anywhere after: every remaining '<' is text
            }
            raw.append(isBreak(at + 1) ? '\n' : ' ');
            return gt + 1;
        }

        /** Where the text resumes after {@code </element\s*>} at or after {@code from}, or -1. */
        private int closing(String element, int from) {
            Needle needle = element.equals("script") ? Needle.SCRIPT : Needle.STYLE;
            String close = "</" + element;
            int at = from;
            while (true) {
                int found = find(close, at, needle);
                if (found < 0) {
                    return -1;
                }
                int j = found + close.length();
                while (j < in.length() && isRegexSpace(in.charAt(j))) {
                    j++;
                }
                if (j < in.length() && in.charAt(j) == '>') {
                    return j + 1;
                }
                at = found + 1; // "</script x": not a closing tag, look further (the text scanned is not scanned again)
            }
        }

        private boolean isBreak(int from) {
            int j = from;
            while (j < in.length() && isRegexSpace(in.charAt(j))) {
                j++;
            }
            for (String name : BREAK_NAMES) {
                if (lower.startsWith(name, j) && boundary(j + name.length())) {
                    return true;
                }
            }
            return false;
        }

        /** A regex word boundary after a word character: the next character is no word character (or the end). */
        private boolean boundary(int index) {
            if (index >= in.length()) {
                return true;
            }
            char c = in.charAt(index);
            return !(Character.isLetterOrDigit(c) || c == '_');
        }

        private int gtFrom(int from) {
            if (nextGt == NONE) {
                return NONE;
            }
            if (nextGt == NOT_SEARCHED || nextGt < from) {
                nextGt = in.indexOf('>', from);
            }
            return nextGt;
        }

        private enum Needle { COMMENT, SCRIPT, STYLE }

        /**
         * {@code lower.indexOf(needle, from)}, remembered: a later search from a point before the last hit answers the
         * same hit without scanning, and once nothing was found nothing is ever searched for again.
         */
        private int find(String needle, int from, Needle kind) {
            int last = switch (kind) {
                case COMMENT -> nextCommentEnd;
                case SCRIPT -> nextScriptEnd;
                case STYLE -> nextStyleEnd;
            };
            if (last == NONE) {
                return NONE;
            }
            if (last == NOT_SEARCHED || last < from) {
                last = lower.indexOf(needle, from);
                switch (kind) {
                    case COMMENT -> nextCommentEnd = last;
                    case SCRIPT -> nextScriptEnd = last;
                    case STYLE -> nextStyleEnd = last;
                }
            }
            return last;
        }

        /** Appends {@code raw} to {@code out} with character references decoded. */
        private void decodeInto(StringBuilder raw) {
            int n = raw.length();
            int i = 0;
            while (i < n) {
                char c = raw.charAt(i);
                if (c == '&') {
                    int end = reference(raw, i);
                    if (end > 0) {
                        out.append(replacement(raw.substring(i + 1, end)));
                        i = end + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            }
        }

        /** The index of the {@code ;} closing a well-formed reference at {@code at}, or -1 (a bounded look-ahead). */
        private static int reference(CharSequence s, int at) {
            int n = s.length();
            int i = at + 1;
            if (i < n && s.charAt(i) == '#') {
                i++;
                boolean hex = i < n && s.charAt(i) == 'x';
                if (hex) {
                    i++;
                }
                int start = i;
                int max = hex ? 6 : 7;
                while (i < n && i - start < max && (hex ? isHex(s.charAt(i)) : isDigit(s.charAt(i)))) {
                    i++;
                }
                return i > start && i < n && s.charAt(i) == ';' ? i : -1;
            }
            int start = i;
            if (i >= n || !isAsciiLetter(s.charAt(i))) {
                return -1;
            }
            i++;
            while (i < n && i - start < 32 && (isAsciiLetter(s.charAt(i)) || isDigit(s.charAt(i)))) {
                i++;
            }
            return i - start >= 2 && i < n && s.charAt(i) == ';' ? i : -1;
        }

        private static String replacement(String name) {
            if (name.startsWith("#")) {
                try {
                    int code = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : " ";
                } catch (NumberFormatException e) {
                    return " ";
                }
            }
            String named = NAMED.get(name);
            return named != null ? named : "&" + name + ";";
        }

        /** Runs of blanks become one space, runs holding a line break one line break; the ends are stripped. */
        private String normaliseSpaces() {
            StringBuilder text = new StringBuilder(out.length());
            int n = out.length();
            int i = 0;
            while (i < n) {
                char c = out.charAt(i);
                if (!isBlank(c) && c != '\n') {
                    text.append(c);
                    i++;
                    continue;
                }
                boolean newline = false;
                while (i < n && (isBlank(out.charAt(i)) || out.charAt(i) == '\n')) {
                    newline |= out.charAt(i) == '\n';
                    i++;
                }
                text.append(newline ? '\n' : ' ');
            }
            return text.toString().strip();
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0';
        }

        private static boolean isRegexSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        private static boolean isHex(char c) {
            return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
