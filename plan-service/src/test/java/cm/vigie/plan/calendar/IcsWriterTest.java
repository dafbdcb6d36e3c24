package cm.vigie.plan.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IcsWriterTest {

    @Test
    void textIsEscapedAndLinesEndWithCrlf() {
        String ics = new IcsWriter().text("SUMMARY", "a;b,c\\d\ne").toString();
        assertEquals("SUMMARY:a\\;b\\,c\\\\d\\ne\r\n", ics);
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String value = "é".repeat(100);
        String ics = new IcsWriter().text("DESCRIPTION", value).toString();
        String[] lines = ics.split("\r\n");
        assertTrue(lines.length > 2);
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].getBytes(StandardCharsets.UTF_8).length <= 75, lines[i]);
            if (i > 0) {
                assertTrue(lines[i].startsWith(" "));
            }
        }
        StringBuilder unfolded = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            unfolded.append(lines[i].substring(1));
        }
        assertEquals("DESCRIPTION:" + value, unfolded.toString());
    }

    @Test
    void datesAndInstantsUseTheBasicForms() {
        String ics = new IcsWriter().instant("DTSTART", Instant.parse("2027-01-12T08:05:09Z"))
                .date("DTSTART", LocalDate.of(2027, 6, 20)).toString();
        assertEquals("DTSTART:20270112T080509Z\r\nDTSTART;VALUE=DATE:20270620\r\n", ics);
    }

    @Test
    void blankTextIsLeftOut() {
        assertEquals("", new IcsWriter().text("DESCRIPTION", " ").text("SUMMARY", null).toString());
    }
}
