package cm.vigie.watch.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The fast path reads exactly what {@link Instant#parse} reads, and leaves every other form to Jackson. */
class IsoInstantDeserializerTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** Random instants from year 0 to 9999 with 0 to 9 fraction digits, each also with one character changed or dropped. */
    @Test
    void readsWhatInstantParseReadsAndLeavesEverythingElseToIt() {
        Random random = new Random(20261207L);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        char[] replacements = { '0', '9', '-', ':', 'T', 't', 'Z', 'z', '.', ' ', '+', '/' };
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            String valid = instant(first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000),
                    random.nextInt(10));
            assertEquals(Instant.parse(valid), IsoInstantDeserializer.parse(valid), valid);
            int at = random.nextInt(valid.length());
            String edited = random.nextBoolean() ? valid.substring(0, at) + valid.substring(at + 1)
                    : valid.substring(0, at) + replacements[random.nextInt(replacements.length)] + valid.substring(at + 1);
            Instant fast = IsoInstantDeserializer.parse(edited);
            if (fast != null) {
                assertEquals(Instant.parse(edited), fast, edited);
                read++;
            }
        }
        assertTrue(read > 1_000, "some edits still read as instants: " + read);
    }

    @Test
    void leavesOtherFormsAndInvalidDatesToTheFullParser() {
        for (String text : new String[] { "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-27T24:00:00Z",
                "2016-12-31T23:59:60Z", "2026-11-27T08:00:00+01:00", "2026-11-27T08:00Z", "2026-11-27T08:00:00.Z",
                "2026-11-27T08:00:00.1234567890Z", "+12026-11-27T08:00:00Z", "2026-11-27t08:00:00z", "" }) {
            assertNull(IsoInstantDeserializer.parse(text), text);
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59.000000001Z"),
                IsoInstantDeserializer.parse("2024-02-29T23:59:59.000000001Z"));
        assertEquals(Instant.parse("0000-01-01T00:00:00Z"), IsoInstantDeserializer.parse("0000-01-01T00:00:00Z"));
        assertThrows(DateTimeParseException.class, () -> Instant.parse("2026-02-29T00:00:00Z"));
    }

    @Test
    void aMentionReadsItsInstantsAndRejectsBadOnesAsBefore() throws Exception {
        MentionInput read = JSON.readValue("""
                {"publishedAt":"2026-11-27T08:00:00.123Z","author":{"createdAt":"2024-01-05T00:00:00Z"}}""", MentionInput.class);
        assertEquals(Instant.parse("2026-11-27T08:00:00.123Z"), read.publishedAt());
        assertEquals(Instant.parse("2024-01-05T00:00:00Z"), read.author().createdAt());
        // forms the fast path leaves to Jackson: an offset, epoch seconds; and a null
        assertEquals(Instant.parse("2026-11-27T07:00:00Z"),
                JSON.readValue("{\"publishedAt\":\"2026-11-27T08:00:00+01:00\"}", MentionInput.class).publishedAt());
        assertEquals(Instant.ofEpochSecond(1_764_230_400L),
                JSON.readValue("{\"publishedAt\":1764230400}", MentionInput.class).publishedAt());
        assertNull(JSON.readValue("{\"publishedAt\":null}", MentionInput.class).publishedAt());
        assertNotNull(assertThrows(InvalidFormatException.class,
                () -> JSON.readValue("{\"publishedAt\":\"2026-02-29T00:00:00Z\"}", MentionInput.class)));
    }

    private static String instant(long seconds, int nanos, int digits) {
        String base = Instant.ofEpochSecond(seconds).toString();
        base = base.substring(0, base.length() - 1);
        return digits == 0 ? base + "Z" : base + "." + String.format("%09d", nanos).substring(0, digits) + "Z";
    }
}
