package cm.vigie.commons.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

class ETagsTest {

    @Test
    void matchingTagPasses() {
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void staleTagIsAPreconditionFailure() {
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch("\"2\"", 3));
        assertEquals(ProblemType.PRECONDITION_FAILED, e.type());
    }

    @Test
    void missingTagIsRequired() {
        ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch(null, 3));
        assertEquals(ProblemType.PRECONDITION_REQUIRED, e.type());
    }
}
