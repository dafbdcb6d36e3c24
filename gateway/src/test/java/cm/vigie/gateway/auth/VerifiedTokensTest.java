package cm.vigie.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private long seconds(long fromNow) {
        return (now.get() + fromNow * 1000) / 1000;
    }

    @Test
    void aVerifiedTokenIsFoundWithItsRealmAndAnotherTokenIsNot() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 100, now::get);
        tokens.remember("aaa.bbb.ccc", "minsante", seconds(300));
        VerifiedTokens.Verified found = tokens.find("aaa.bbb.ccc");
        assertNotNull(found);
        assertEquals("minsante", found.realm());
        assertNull(tokens.find("aaa.bbb.ccd"));
        assertNull(tokens.find("aaa.bbb.cc"));
    }

    @Test
    void anEntryNeverOutlivesTheTokensExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 100, now::get);
        tokens.remember("t", "minsante", seconds(10));
        now.addAndGet(9_000);
        assertNotNull(tokens.find("t"));
        now.addAndGet(1_000);
        assertNull(tokens.find("t"), "gone at exp");
        assertEquals(0, tokens.size());
    }

    @Test
    void anEntryNeverOutlivesTheMaximumAgeEvenForALongToken() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 100, now::get);
        tokens.remember("t", "minsante", seconds(3600));
        now.addAndGet(59_999);
        assertNotNull(tokens.find("t"));
        now.addAndGet(1);
        assertNull(tokens.find("t"));
    }

    @Test
    void expiredOrUndatedTokensAreNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 100, now::get);
        tokens.remember("expired", "minsante", seconds(-1));
        tokens.remember("undated", "minsante", 0);
        assertNull(tokens.find("expired"));
        assertNull(tokens.find("undated"));
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheStaysBoundedExpiredEntriesFirst() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 3, now::get);
        tokens.remember("short", "minsante", seconds(1));
        tokens.remember("a", "minsante", seconds(300));
        tokens.remember("b", "minsante", seconds(300));
        now.addAndGet(2_000);
        tokens.remember("c", "minsante", seconds(300));
        assertEquals(3, tokens.size(), "the expired entry made room");
        assertNotNull(tokens.find("a"));
        tokens.remember("d", "minsante", seconds(300));
        assertEquals(1, tokens.size(), "full of live entries: cleared, then the new one");
        assertNotNull(tokens.find("d"));
    }

    @Test
    void zeroEntriesDisablesTheCache() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 0, now::get);
        tokens.remember("t", "minsante", seconds(300));
        assertNull(tokens.find("t"));
    }
}
