package cm.vigie.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class ProblemCodeTest {

    @Test
    void everyTypeHasADefaultCodeAndTheAnswerCarriesIt() {
        assertEquals(ProblemCode.STALE_ETAG, ProblemType.PRECONDITION_FAILED.code());
        assertEquals(ProblemCode.FORBIDDEN_ROLE, ProblemType.FORBIDDEN.code());
        assertEquals(ProblemCode.RATE_LIMITED, ProblemType.TOO_MANY_REQUESTS.code());
        Problem problem = ProblemResponses.problem(ProblemType.PRECONDITION_REQUIRED, Locale.ENGLISH, "/x", List.of(), null);
        assertEquals(ProblemCode.PRECONDITION_REQUIRED, problem.code());
    }

    @Test
    void aConflictNamesItsCause() {
        assertEquals(ProblemCode.CONFLICT, ProblemException.conflict("k").code());
        assertEquals(ProblemCode.DUPLICATE, ProblemException.duplicate("k").code());
        assertEquals(ProblemCode.INVALID_TRANSITION, ProblemException.invalidTransition("k").code());
        Response answer = ProblemResponses.of(ProblemException.invalidTransition("problem.conflict.title"), Locale.ENGLISH, "/x");
        assertEquals(409, answer.getStatus());
        assertEquals(ProblemCode.INVALID_TRANSITION, ((Problem) answer.getEntity()).code());
    }

    @Test
    void anInvalidFieldsArgumentsReachItsMessageAndAreKept() {
        ProblemException e = ProblemException.invalid("version", "problem.precondition-failed.detail", "\"7\"");
        Problem problem = (Problem) ProblemResponses.of(e, Locale.ENGLISH, "/x").getEntity();
        FieldError error = problem.errors().get(0);
        assertEquals("version", error.field());
        assertTrue(error.message().contains("\"7\""), error.message());
        assertEquals("problem.precondition-failed.detail", error.code());
        assertEquals(Map.of("0", "\"7\""), error.arguments());
        assertEquals(ProblemCode.VALIDATION, problem.code());
        Problem french = (Problem) ProblemResponses.of(e, Locale.FRENCH, "/x").getEntity();
        assertTrue(french.errors().get(0).message().contains("\"7\""), french.errors().get(0).message());
    }

    @Test
    void aFieldErrorThrownWithAKeyKeepsTheKeyAsItsCode() {
        ProblemException e = new ProblemException(ProblemType.VALIDATION, List.of(new FieldError("sort", "paging.sort.invalid")),
                "problem.validation.detail");
        FieldError error = ((Problem) ProblemResponses.of(e, Locale.ENGLISH, "/x").getEntity()).errors().get(0);
        assertEquals("paging.sort.invalid", error.code());
        assertTrue(error.message().startsWith("sort must be"), error.message());
    }

    /** docs/errors.md explains every code: a code added without its explanation fails here. */
    @Test
    void everyCodeIsExplainedInDocsErrors() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "errors.md"));
        List<String> missing = new ArrayList<>();
        for (ProblemCode code : ProblemCode.values()) {
            if (!doc.contains("| `" + code.name() + "` |")) {
                missing.add(code.name());
            }
        }
        assertEquals(List.of(), missing, "codes without a row in docs/errors.md");
    }
}
