package cm.vigie.watch.hoax.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cm.vigie.watch.text.TrickyTexts;

/** The ASCII fast path hashes exactly the UTF-8 bytes, like the byte path every other word takes. */
class HashingTest {

    @Property(tries = 3_000)
    void sameHashAsTheUtf8Bytes(@ForAll("words") String word) {
        assertEquals(Hashing.hashOfBytes(word), Hashing.hash(word));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(20), TrickyTexts.texts(), TrickyTexts.noise());
    }
}
