package cm.vigie.accounts.official;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling per handle, so that {@code @MinSante_CM}, {@code minsante_cm} and
 * {@code https://www.facebook.com/MinSante_CM?ref=share} are the same account.
 *
 * <p>What is removed: surrounding and inner white space (also no-break and zero-width spaces that copy-paste
 * brings), compatibility forms (full-width letters, via NFKC), leading {@code @}, the scheme, host, query string
 * (tracking parameters) and fragment of a profile URL, and case where the platform ignores it. What is kept on
 * purpose: letters of other scripts (a Cyrillic {@code а} stays a Cyrillic {@code а}), so that a lookalike is
 * never taken for the account it imitates; finding lookalikes is the impersonation engine's job.
 */
public final class Handles {

    /** A handle read from a profile URL, with the platform the URL belongs to. */
    public record PlatformHandle(Platform platform, String handle) {
    }

    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\u200B-\\u200F\\u2060\\uFEFF\\u00AD]+");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    /** Host (without {@code www.}, {@code m.}, ...) to platform. */
    private static final Map<String, Platform> HOSTS = Map.ofEntries(
            Map.entry("facebook.com", Platform.FACEBOOK), Map.entry("fb.com", Platform.FACEBOOK),
            Map.entry("fb.me", Platform.FACEBOOK), Map.entry("x.com", Platform.X),
            Map.entry("twitter.com", Platform.X), Map.entry("instagram.com", Platform.INSTAGRAM),
            Map.entry("instagr.am", Platform.INSTAGRAM), Map.entry("tiktok.com", Platform.TIKTOK),
            Map.entry("youtube.com", Platform.YOUTUBE), Map.entry("youtu.be", Platform.YOUTUBE),
            Map.entry("linkedin.com", Platform.LINKEDIN), Map.entry("t.me", Platform.TELEGRAM),
            Map.entry("telegram.me", Platform.TELEGRAM), Map.entry("telegram.dog", Platform.TELEGRAM),
            Map.entry("whatsapp.com", Platform.WHATSAPP_CHANNEL));

    private static final List<String> HOST_PREFIXES = List.of("www.", "m.", "mobile.", "web.", "mbasic.", "business.",
            "music.", "fr.", "en.", "cm.");

    /** First path segments that are pages of the platform, not profiles. */
    private static final Set<String> NOT_PROFILES = Set.of("share", "sharer.php", "watch", "events",
            "photo.php", "story.php", "permalink.php", "login", "hashtag", "reel", "reels", "i", "intent", "home",
            "search", "explore", "p", "tv", "settings", "help", "about", "privacy", "policies", "joinchat", "addstickers");

    /** What a valid normalised handle looks like on each platform (letters of any script are let through). */
    private static final Map<Platform, Pattern> VALID = Map.of(
            Platform.FACEBOOK, Pattern.compile("[\\p{L}\\p{N}._-]{1,100}"),
            Platform.X, Pattern.compile("[\\p{L}\\p{N}_]{1,50}"),
            Platform.INSTAGRAM, Pattern.compile("[\\p{L}\\p{N}._]{1,30}"),
            Platform.TIKTOK, Pattern.compile("[\\p{L}\\p{N}._]{1,50}"),
            Platform.YOUTUBE, Pattern.compile("[\\p{L}\\p{N}._-]{1,100}"),
            Platform.LINKEDIN, Pattern.compile("[\\p{L}\\p{N}._%-]{1,100}"),
            Platform.TELEGRAM, Pattern.compile("[\\p{L}\\p{N}_]{1,64}"),
            Platform.WHATSAPP_CHANNEL, Pattern.compile("[A-Za-z0-9]{6,64}"),
            Platform.WEBSITE, Pattern.compile("(?=.{1,253}$)([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}\\p{N}-]{2,63}"));

    private static final Pattern YOUTUBE_CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");

    private Handles() {
    }

    /**
     * Platform-agnostic spelling: white space, leading {@code @} and case removed; a profile URL of a known platform
     * is read to its handle. Prefer {@link #normalise(Platform, String)} when the platform is known.
     */
    public static String normalise(String handle) {
        String cleaned = clean(handle);
        if (looksLikeUrl(cleaned)) {
            Optional<PlatformHandle> parsed = fromUrl(cleaned);
            if (parsed.isPresent()) {
                return parsed.get().handle();
            }
        }
        return stripAt(cleaned).toLowerCase(Locale.ROOT);
    }

    /**
     * The handle as {@code platform} spells it: from a bare handle ({@code @MinSanteCM}) or a profile URL of that
     * platform ({@code https://www.tiktok.com/@minsantecm?lang=fr}). A URL of another platform is kept as typed
     * and then fails {@link #isValid}.
     */
    public static String normalise(Platform platform, String handle) {
        String cleaned = clean(handle);
        if (platform == Platform.WEBSITE) {
            return website(cleaned);
        }
        if (looksLikeUrl(cleaned)) {
            Optional<PlatformHandle> parsed = fromUrl(cleaned);
            if (parsed.isPresent() && parsed.get().platform() == platform) {
                return parsed.get().handle();
            }
            return cleaned;
        }
        return caseFold(platform, stripAt(cleaned));
    }

    /** Whether a normalised handle can be a {@code platform} handle. */
    public static boolean isValid(Platform platform, String normalisedHandle) {
        return normalisedHandle != null && VALID.get(platform).matcher(normalisedHandle).matches();
    }

    /** The platform and handle a profile URL points at, if it is a profile URL of a known platform. */
    public static Optional<PlatformHandle> fromUrl(String input) {
        String cleaned = clean(input);
        URI uri;
        try {
            uri = new URI(SCHEME.matcher(cleaned).matches() ? cleaned : "https://" + cleaned);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        Platform platform = HOSTS.get(bareHost(uri.getHost()));
        if (platform == null) {
            return Optional.empty();
        }
        List<String> segments = segments(uri.getRawPath());
        String handle = switch (platform) {
            case FACEBOOK -> facebook(segments, uri.getRawQuery());
            case X, INSTAGRAM, TELEGRAM -> telegramOrSimple(platform, segments);
            case TIKTOK -> segments.isEmpty() || !segments.get(0).startsWith("@") ? null : stripAt(segments.get(0));
            case YOUTUBE -> youtube(segments);
            case LINKEDIN -> linkedin(segments);
            case WHATSAPP_CHANNEL -> segments.size() >= 2 && segments.get(0).equals("channel") ? segments.get(1) : null;
            case WEBSITE -> null;
        };
        if (handle == null || handle.isEmpty() || NOT_PROFILES.contains(handle.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new PlatformHandle(platform, caseFold(platform, handle)));
    }

    private static String facebook(List<String> segments, String query) {
        if (segments.isEmpty()) {
            return null;
        }
        String first = segments.get(0).toLowerCase(Locale.ROOT);
        if (first.equals("profile.php")) {
            return queryValue(query, "id");
        }
        // facebook.com/pages/Name/123456, /people/Name/123456, /groups/name, /pg/name
        if ((first.equals("pages") || first.equals("people")) && segments.size() >= 3) {
            return segments.get(2);
        }
        if ((first.equals("pg") || first.equals("groups")) && segments.size() >= 2) {
            return segments.get(1);
        }
        return segments.get(0);
    }

    private static String telegramOrSimple(Platform platform, List<String> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        // t.me/s/name is the public preview of channel name
        if (platform == Platform.TELEGRAM && segments.get(0).equals("s") && segments.size() >= 2) {
            return stripAt(segments.get(1));
        }
        // instagram.com/stories/name/123
        if (platform == Platform.INSTAGRAM && segments.get(0).equals("stories") && segments.size() >= 2) {
            return segments.get(1);
        }
        return stripAt(segments.get(0));
    }

    private static String youtube(List<String> segments) {
        if (segments.isEmpty()) {
            return null;
        }
        String first = segments.get(0);
        if (first.startsWith("@")) {
            return stripAt(first);
        }
        if ((first.equals("c") || first.equals("user") || first.equals("channel")) && segments.size() >= 2) {
            return segments.get(1);
        }
        return null;
    }

    private static String linkedin(List<String> segments) {
        if (segments.size() >= 2 && List.of("company", "in", "school", "showcase").contains(segments.get(0))) {
            return segments.get(1);
        }
        return null;
    }

    private static String website(String cleaned) {
        String candidate = cleaned;
        if (!SCHEME.matcher(candidate).matches()) {
            candidate = "https://" + candidate;
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getHost() != null) {
                String host = uri.getHost().toLowerCase(Locale.ROOT);
                return host.startsWith("www.") ? host.substring(4) : host;
            }
        } catch (URISyntaxException e) {
            // kept as typed, then refused by isValid
        }
        return cleaned.toLowerCase(Locale.ROOT);
    }

    /** Case is not significant, except in YouTube channel ids and WhatsApp channel ids. */
    private static String caseFold(Platform platform, String handle) {
        if (platform == Platform.WHATSAPP_CHANNEL || platform == Platform.YOUTUBE && YOUTUBE_CHANNEL_ID.matcher(handle).matches()) {
            return handle;
        }
        return handle.toLowerCase(Locale.ROOT);
    }

    private static String clean(String input) {
        if (input == null) {
            return "";
        }
        return INVISIBLE.matcher(Normalizer.normalize(input, Normalizer.Form.NFKC)).replaceAll("");
    }

    private static boolean looksLikeUrl(String cleaned) {
        if (SCHEME.matcher(cleaned).matches()) {
            return true;
        }
        int slash = cleaned.indexOf('/');
        String host = slash < 0 ? cleaned : cleaned.substring(0, slash);
        return slash > 0 && HOSTS.containsKey(bareHost(host.toLowerCase(Locale.ROOT)));
    }

    private static String bareHost(String host) {
        String bare = host.toLowerCase(Locale.ROOT);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : HOST_PREFIXES) {
                if (bare.startsWith(prefix) && bare.length() > prefix.length() + 3) {
                    bare = bare.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        return bare;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null) {
            return segments;
        }
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment));
            }
        }
        return segments;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    private static String queryValue(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static String stripAt(String value) {
        String result = value;
        while (result.startsWith("@")) {
            result = result.substring(1);
        }
        return result;
    }
}
