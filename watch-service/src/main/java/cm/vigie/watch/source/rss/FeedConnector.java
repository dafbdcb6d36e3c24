package cm.vigie.watch.source.rss;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import cm.vigie.commons.problem.FieldError;
import cm.vigie.watch.mention.MentionInput;
import cm.vigie.watch.source.AddressGuard;
import cm.vigie.watch.source.ConnectorException;
import cm.vigie.watch.source.Cursor;
import cm.vigie.watch.source.Fetch;
import cm.vigie.watch.source.PollingConnector;
import cm.vigie.watch.source.SourceSettings;
import cm.vigie.watch.source.SourcesSettings;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds of news sites and blogs. Each poll is a conditional GET (the last
 * {@code ETag} and {@code Last-Modified} sent back), so an unchanged feed costs a 304 and nothing else; each entry
 * becomes a mention of platform {@code RSS} whose external id is the entry's guid or id (else its link).
 */
@ApplicationScoped
public class FeedConnector implements PollingConnector {

    public static final String TYPE = "RSS";
    static final String USER_AGENT = "Vigie/0.1 (veille; +https://vigie.cm)";
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern LANGUAGE = Pattern.compile("([a-zA-Z]{2})([-_].*)?");
    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_TEXT = 20_000;
    private static final int MAX_ID = 200;

    private final SourcesSettings settings;
    private final AddressGuard guard;
    private final HttpClient http;
    /** Closes the body of a fetch that outlives its deadline, which unblocks the poller thread reading it. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "feed-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    FeedConnector(SourcesSettings settings, AddressGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @PreDestroy
    void close() {
        deadlines.shutdownNow();
        http.close();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<FieldError> validate(SourceSettings source) {
        if (source.url() == null) {
            return List.of(new FieldError("url", "source.field.required"));
        }
        if (!HTTP_URL.matcher(source.url()).matches()) {
            return List.of(new FieldError("url", "source.url.invalid"));
        }
        try {
            URI uri = new URI(source.url());
            if (uri.getHost() == null) {
                return List.of(new FieldError("url", "source.url.invalid"));
            }
        } catch (URISyntaxException e) {
            return List.of(new FieldError("url", "source.url.invalid"));
        }
        return List.of();
    }

    @Override
    public Fetch fetch(SourceSettings source, Cursor cursor) throws ConnectorException {
        URI uri;
        try {
            uri = new URI(source.url());
        } catch (URISyntaxException e) {
            throw new ConnectorException("invalid feed URL");
        }
        long deadline = System.nanoTime() + settings.fetchDeadline().toNanos();
        HttpResponse<InputStream> response = get(uri, cursor, deadline);
        int status = response.statusCode();
        if (status == 304) {
            close(response);
            return Fetch.notModified(cursor);
        }
        if (status == 429 || status == 503) {
            close(response);
            throw new ConnectorException("HTTP " + status + " from the feed", retryAfter(response), null);
        }
        if (status < 200 || status >= 300) {
            close(response);
            throw new ConnectorException("HTTP " + status + " from the feed");
        }
        byte[] body = read(response, deadline);
        SyndFeed feed = parse(body, response.headers().firstValue("Content-Type").orElse(null));
        Cursor next = new Cursor(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), null);
        return Fetch.of(mentions(feed, response.uri()), next);
    }

    private HttpResponse<InputStream> get(URI start, Cursor cursor, long deadline) throws ConnectorException {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(uri);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.toMillis() <= 0) {
                throw new ConnectorException(deadlineMessage());
            }
            Duration timeout = left.compareTo(settings.requestTimeout()) < 0 ? left : settings.requestTimeout();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("User-Agent", USER_AGENT).header("Accept", ACCEPT);
            if (cursor.etag() != null) {
                request.header("If-None-Match", cursor.etag());
            }
            if (cursor.lastModified() != null) {
                request.header("If-Modified-Since", cursor.lastModified());
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new ConnectorException("could not reach the feed: " + describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException("interrupted", e);
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
                close(response);
                try {
                    uri = uri.resolve(new URI(location.get().strip()));
                } catch (URISyntaxException e) {
                    throw new ConnectorException("invalid redirect from the feed");
                }
                continue;
            }
            return response;
        }
        throw new ConnectorException("too many redirects");
    }

    private byte[] read(HttpResponse<InputStream> response, long deadline) throws ConnectorException {
        int max = settings.maxBytes();
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> timer = deadlines.schedule(() -> {
            cut.set(true);
            close(response);
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(max + 1);
            if (cut.get()) {
                throw new ConnectorException(deadlineMessage());
            }
            if (body.length > max) {
                throw new ConnectorException("feed larger than " + max + " bytes");
            }
            return body;
        } catch (IOException e) {
            if (cut.get()) {
                throw new ConnectorException(deadlineMessage(), e);
            }
            throw new ConnectorException("could not read the feed: " + describe(e), e);
        } finally {
            timer.cancel(false);
        }
    }

    private String deadlineMessage() {
        return "the feed did not arrive whole within " + settings.fetchDeadline().toMillis() + " ms";
    }

    private static SyndFeed parse(byte[] body, String contentType) throws ConnectorException {
        if (body.length == 0) {
            throw new ConnectorException("malformed feed: empty document");
        }
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            return input.build(reader);
        } catch (FeedException | IllegalArgumentException e) {
            throw new ConnectorException("malformed feed: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new ConnectorException("malformed feed: " + firstLine(e.getMessage()), e);
        }
    }

    List<MentionInput> mentions(SyndFeed feed, URI feedUri) {
        String language = language(feed.getLanguage());
        String site = host(feed.getLink()).orElse(feedUri.getHost());
        Instant now = Instant.now();
        List<MentionInput> mentions = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String text = text(entry);
            if (text.isEmpty()) {
                continue;
            }
            String link = entry.getLink() != null && HTTP_URL.matcher(entry.getLink().strip()).matches()
                    ? feedUri.resolve(entry.getLink().strip()).toString() : null;
            String id = externalId(entry, link, text);
            Instant published = published(entry, now);
            String author = entry.getAuthor() == null || entry.getAuthor().isBlank() ? feed.getTitle() : entry.getAuthor();
            mentions.add(new MentionInput(TYPE, id, link,
                    new MentionInput.Author(site, author == null ? site : Html.text(author), null, null),
                    text, language, published, null, null));
        }
        return mentions;
    }

    private static String text(SyndEntry entry) {
        String title = Html.text(entry.getTitle());
        String body = "";
        if (entry.getDescription() != null) {
            body = Html.text(entry.getDescription().getValue());
        }
        if (body.isEmpty()) {
            for (SyndContent content : entry.getContents()) {
                body = Html.text(content.getValue());
                if (!body.isEmpty()) {
                    break;
                }
            }
        }
        String text;
        if (title.isEmpty() || body.startsWith(title)) {
            text = body;
        } else if (body.isEmpty()) {
            text = title;
        } else {
            text = title + "\n" + body;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static String externalId(SyndEntry entry, String link, String text) {
        String id = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri().strip() : link;
        if (id == null) {
            id = "sha256:" + sha256(text);
        }
        return id.length() <= MAX_ID ? id : "sha256:" + sha256(id);
    }

    /** When the entry was published; entries dated in the future (bad time zones) count as published now. */
    private static Instant published(SyndEntry entry, Instant now) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        if (date == null) {
            return now;
        }
        Instant published = date.toInstant();
        return published.isAfter(now) ? now : published;
    }

    private static String language(String value) {
        if (value == null) {
            return null;
        }
        var matcher = LANGUAGE.matcher(value.strip());
        return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static Optional<String> host(String link) {
        if (link == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new URI(link.strip()).getHost());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.get())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT)
                + (message == null || message.isBlank() ? "" : " (" + firstLine(message) + ")");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() <= 300 ? line : line.substring(0, 300);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
