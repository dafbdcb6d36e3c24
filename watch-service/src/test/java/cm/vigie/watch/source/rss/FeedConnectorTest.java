package cm.vigie.watch.source.rss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cm.vigie.watch.mention.MentionInput;
import cm.vigie.watch.source.AddressGuard;
import cm.vigie.watch.source.ConnectorException;
import cm.vigie.watch.source.Cursor;
import cm.vigie.watch.source.Fetch;
import cm.vigie.watch.source.FeedServer;
import cm.vigie.watch.source.SourceSettings;
import cm.vigie.watch.source.TestSourcesSettings;

/** The feed connector against a local server serving real-world-shaped feeds, well-formed or not. */
class FeedConnectorTest {

    private static FeedServer server;
    private static FeedConnector connector;

    @BeforeAll
    static void start() throws Exception {
        server = new FeedServer();
        TestSourcesSettings settings = TestSourcesSettings.local();
        connector = new FeedConnector(settings, new AddressGuard(settings));
    }

    @AfterAll
    static void stop() {
        connector.close();
        server.close();
    }

    private static SourceSettings source(String path) {
        return new SourceSettings(UUID.randomUUID(), "minsante", FeedConnector.TYPE, "feed", server.url(path), null, null, null);
    }

    @Test
    void aWordPressRss2FeedBecomesMentions() throws Exception {
        Fetch fetch = connector.fetch(source("/feeds/wordpress-rss2.xml"), Cursor.NONE);
        List<MentionInput> mentions = fetch.mentions();
        assertEquals(3, mentions.size());
        MentionInput first = mentions.get(0);
        assertEquals("RSS", first.platform());
        assertEquals("https://actu-cameroun.example/?p=48211", first.externalId());
        assertEquals("https://actu-cameroun.example/2026/11/26/sante-ministere-dement-rumeur-vaccins-5g/", first.url());
        assertEquals("fr", first.language());
        assertEquals(Instant.parse("2026-11-26T17:05:00Z"), first.publishedAt());
        assertEquals("actu-cameroun.example", first.author().handle());
        assertEquals("Rédaction", first.author().displayName());
        assertTrue(first.text().startsWith("Santé : le ministère dément la rumeur sur les vaccins et la 5G\n"), first.text());
        assertTrue(first.text().contains("démentir l’information"), "entities decoded: " + first.text());
        assertFalse(first.text().contains("<"), "no markup left: " + first.text());
        assertEquals("\"" , fetch.next().etag().substring(0, 1));
        assertEquals("Thu, 26 Nov 2026 18:42:10 GMT", fetch.next().lastModified());
    }

    @Test
    void anAtomFeedAnRdfFeedAndALatin1FeedAreRead() throws Exception {
        List<MentionInput> atom = connector.fetch(source("/feeds/blog-atom.xml"), Cursor.NONE).mentions();
        assertEquals(2, atom.size());
        assertEquals("tag:bueavoices.example,2026:post-311", atom.get(0).externalId());
        assertEquals(Instant.parse("2026-11-26T17:00:00Z"), atom.get(0).publishedAt());
        assertEquals("Ngwa Emmanuel", atom.get(0).author().displayName());
        assertTrue(atom.get(0).text().contains("website & by SMS"), atom.get(0).text());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), atom.get(1).publishedAt(), "updated when never published");
        assertNull(atom.get(0).language(), "Atom's xml:lang is not read: ingestion detects the language");

        List<MentionInput> rdf = connector.fetch(source("/feeds/rdf-rss1.xml"), Cursor.NONE).mentions();
        assertEquals(1, rdf.size());
        assertEquals(Instant.parse("2026-11-26T07:00:00Z"), rdf.get(0).publishedAt());

        List<MentionInput> latin1 = connector.fetch(source("/feeds/latin1-rss2.xml"), Cursor.NONE).mentions();
        assertEquals("Marché central : les commerçants inquiètes", latin1.get(0).text().lines().findFirst().orElseThrow());
        assertEquals("radio-bafoussam-2026-11-26-1", latin1.get(0).externalId());
    }

    @Test
    void aConditionalGetOfAnUnchangedFeedIsNotModified() throws Exception {
        Fetch first = connector.fetch(source("/feeds/rdf-rss1.xml"), Cursor.NONE);
        Fetch second = connector.fetch(source("/feeds/rdf-rss1.xml"), first.next());
        assertTrue(second.notModified());
        assertTrue(second.mentions().isEmpty());
        assertEquals(first.next(), second.next());
        var last = server.hits("/feeds/rdf-rss1.xml").getLast().headers();
        assertEquals(first.next().etag(), last.getFirst("If-None-Match"));
        assertEquals("Thu, 26 Nov 2026 18:42:10 GMT", last.getFirst("If-Modified-Since"));
        assertEquals(FeedConnector.USER_AGENT, last.getFirst("User-Agent"));
    }

    @Test
    void malformedFeedsFailWithAReadableMessage() {
        for (String fixture : List.of("truncated.xml", "not-a-feed.html")) {
            ConnectorException failure = assertThrows(ConnectorException.class,
                    () -> connector.fetch(source("/feeds/" + fixture), Cursor.NONE), fixture);
            assertTrue(failure.getMessage().startsWith("malformed feed"), fixture + ": " + failure.getMessage());
        }
    }

    @Test
    void aBareAmpersandIsHealedAsBrowsersWould() throws Exception {
        List<MentionInput> mentions = connector.fetch(source("/feeds/bare-ampersand.xml"), Cursor.NONE).mentions();
        assertEquals(1, mentions.size());
        assertTrue(mentions.get(0).text().startsWith("Coton Sport & Canon : le choc"), mentions.get(0).text());
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsEverRead() {
        ConnectorException failure = assertThrows(ConnectorException.class,
                () -> connector.fetch(source("/feeds/doctype-xxe.xml"), Cursor.NONE));
        assertTrue(failure.getMessage().startsWith("malformed feed"), failure.getMessage());
        assertFalse(failure.getMessage().contains("root:"), failure.getMessage());
    }

    @Test
    void httpErrorsRedirectsAndRetryAfter() throws Exception {
        ConnectorException unavailable = assertThrows(ConnectorException.class,
                () -> connector.fetch(source("/status/503"), Cursor.NONE));
        assertEquals("HTTP 503 from the feed", unavailable.getMessage());
        assertEquals(Duration.ofSeconds(600), unavailable.retryAfter().orElseThrow());
        ConnectorException missing = assertThrows(ConnectorException.class,
                () -> connector.fetch(source("/feeds/nothing-here.xml"), Cursor.NONE));
        assertEquals("HTTP 404 from the feed", missing.getMessage());
        assertTrue(missing.retryAfter().isEmpty());

        assertEquals(1, connector.fetch(source("/redirect/rdf-rss1.xml"), Cursor.NONE).mentions().size());
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        TestSourcesSettings strict = new TestSourcesSettings(false, 5_000_000);
        FeedConnector guarded = new FeedConnector(strict, new AddressGuard(strict));
        try {
            ConnectorException refused = assertThrows(ConnectorException.class,
                    () -> guarded.fetch(source("/feeds/rdf-rss1.xml"), Cursor.NONE));
            assertEquals("the address of 127.0.0.1 is not public", refused.getMessage());
            ConnectorException scheme = assertThrows(ConnectorException.class, () -> guarded.fetch(new SourceSettings(
                    UUID.randomUUID(), "minsante", "RSS", "x", "file:///etc/passwd", null, null, null), Cursor.NONE));
            assertEquals("only http(s) URLs can be collected", scheme.getMessage());
        } finally {
            guarded.close();
        }
    }

    @Test
    void oversizedFeedsAreRefused() {
        TestSourcesSettings tiny = new TestSourcesSettings(true, 500);
        FeedConnector small = new FeedConnector(tiny, new AddressGuard(tiny));
        try {
            ConnectorException refused = assertThrows(ConnectorException.class,
                    () -> small.fetch(source("/feeds/wordpress-rss2.xml"), Cursor.NONE));
            assertEquals("feed larger than 500 bytes", refused.getMessage());
        } finally {
            small.close();
        }
    }

    @Test
    void aFeedThatAnswersItsHeadersThenStallsIsCutAtTheTotalDeadline() throws Exception {
        TestSourcesSettings quick = new TestSourcesSettings(true, 5_000_000, java.time.Duration.ofMillis(1500));
        FeedConnector patient = new FeedConnector(quick, new AddressGuard(quick));
        try (cm.vigie.watch.StallingServer stalling = new cm.vigie.watch.StallingServer("application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title>")) {
            long start = System.nanoTime();
            ConnectorException cut = assertThrows(ConnectorException.class, () -> patient.fetch(new SourceSettings(
                    UUID.randomUUID(), "minsante", "RSS", "x", stalling.url("/feed.xml"), null, null, null), Cursor.NONE));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("the feed did not arrive whole within 1500 ms", cut.getMessage());
            assertTrue(tookMs >= 1400 && tookMs < 4000, "cut after " + tookMs + " ms");
        } finally {
            patient.close();
        }
    }

    @Test
    void validationWantsAnHttpUrl() {
        assertEquals("url", connector.validate(new SourceSettings(null, null, "RSS", "x", null, null, null, null)).get(0).field());
        assertEquals(1, connector.validate(new SourceSettings(null, null, "RSS", "x", "ftp://x.example/feed", null, null, null)).size());
        assertTrue(connector.validate(new SourceSettings(null, null, "RSS", "x", "https://x.example/feed", null, null, null)).isEmpty());
        assertEquals("", Html.text(null));
    }
}
