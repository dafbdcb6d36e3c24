package cm.vigie.gateway.edge;

import java.util.List;

/**
 * Paths proxied without a token. A pattern ending in {@code /**} matches its prefix and everything below it;
 * a {@code *} segment matches exactly one non-empty segment, and {@code *.ext} one segment ending in {@code .ext}
 * (a calendar program's {@code <secret>.ics} link); other segments match literally.
 */
public final class PublicPaths {

    private final List<String[]> patterns;

    public PublicPaths(List<String> patterns) {
        this.patterns = patterns.stream().map(String::strip).filter(p -> p.startsWith("/"))
                .map(p -> p.substring(1).split("/", -1)).toList();
    }

    public boolean matches(String path) {
        if (path == null || !path.startsWith("/")) {
            return false;
        }
        String[] segments = path.substring(1).split("/", -1);
        for (String[] pattern : patterns) {
            if (matches(pattern, segments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String[] pattern, String[] segments) {
        boolean tail = pattern.length > 0 && pattern[pattern.length - 1].equals("**");
        int fixed = tail ? pattern.length - 1 : pattern.length;
        if (tail ? segments.length < fixed : segments.length != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            if (!segmentMatches(pattern[i], segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean segmentMatches(String pattern, String segment) {
        if (pattern.equals("*")) {
            return !segment.isEmpty();
        }
        if (pattern.startsWith("*.")) {
            return segment.length() > pattern.length() - 1 && segment.endsWith(pattern.substring(1));
        }
        return pattern.equals(segment);
    }
}
