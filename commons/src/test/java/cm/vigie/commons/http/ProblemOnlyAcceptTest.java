package cm.vigie.commons.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemOnlyAcceptTest {

    @Test
    void onlyARequestThatAcceptsNothingButProblemsIsWidened() {
        assertTrue(ProblemOnlyAccept.acceptsOnlyProblems("application/problem+json"));
        assertTrue(ProblemOnlyAccept.acceptsOnlyProblems("application/problem+json; charset=utf-8"));
        assertFalse(ProblemOnlyAccept.acceptsOnlyProblems("application/problem+json, application/json"));
        assertFalse(ProblemOnlyAccept.acceptsOnlyProblems("text/html"));
        assertFalse(ProblemOnlyAccept.acceptsOnlyProblems(null));
        assertFalse(ProblemOnlyAccept.acceptsOnlyProblems(" "));
    }
}
