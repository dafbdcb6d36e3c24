package cm.vigie.commons.quota;

import cm.vigie.commons.problem.Problem;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;

/** Over a quota: 422 for a count, 429 for what runs at once; the problem names the quota and its limit. */
public class QuotaExceeded extends ProblemException {

    private final Quota quota;
    private final int limit;

    public QuotaExceeded(Quota quota, int limit) {
        super(quota.kind() == Quota.Kind.COUNT ? ProblemType.QUOTA_EXCEEDED : ProblemType.CONCURRENCY_QUOTA_EXCEEDED,
                quota.kind() == Quota.Kind.COUNT ? "quota.exceeded.count" : "quota.exceeded.concurrency",
                quota.key(), limit);
        this.quota = quota;
        this.limit = limit;
    }

    public Quota quota() {
        return quota;
    }

    public int limit() {
        return limit;
    }

    @Override
    public Problem complete(Problem problem) {
        return problem.withQuota(quota.key(), limit);
    }
}
