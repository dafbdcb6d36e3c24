package cm.vigie.commons.http;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/** Optimistic concurrency over HTTP: the ETag is the entity's {@code @Version}, updates carry it in If-Match. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an If-Match header against the current version: absent answers 428, a mismatch 412.
     * {@code *} matches any current version.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "problem.precondition-required.detail");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current) || tag.equals("W/" + current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED, "problem.precondition-failed.detail", current);
    }
}
