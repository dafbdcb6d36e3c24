package cm.vigie.watch.retention;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import io.quarkus.security.identity.SecurityIdentity;

/** Reads and sets the caller's institution's retention period (ADR 0031). */
@ApplicationScoped
public class RetentionService {

    static final String AUDIT_TARGET = "MENTION_RETENTION";

    /** The setting with the version it was read at: 0 when the institution never set it. */
    public record Versioned(RetentionView view, long version) {
    }

    private final RetentionRepository repository;
    private final RetentionSettings settings;
    private final CurrentInstitution institution;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    RetentionService(RetentionRepository repository, RetentionSettings settings, CurrentInstitution institution,
            SecurityIdentity identity, AuditLog audit) {
        this.repository = repository;
        this.settings = settings;
        this.institution = institution;
        this.identity = identity;
        this.audit = audit;
    }

    public Versioned get() {
        return versioned(repository.find(institutionId()).orElse(null));
    }

    @Transactional
    public Versioned update(String ifMatch, RetentionRequest request) {
        String institutionId = institutionId();
        Integer months = request.months();
        if (months != null && months > settings.months()) {
            throw ProblemException.invalid("months", "retention.months.too-long", settings.months());
        }
        RetentionRepository.Row current = repository.find(institutionId).orElse(null);
        long version = current == null ? 0 : current.version();
        ETags.requireMatch(ifMatch, version);
        RetentionRepository.Row written = repository.write(institutionId, months, version,
                identity.getPrincipal().getName(), Instant.now())
                .orElseThrow(() -> new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "problem.precondition-failed.detail", ETags.of(version)));
        audit.record(institutionId, "MENTION_RETENTION_UPDATED", AUDIT_TARGET, target(institutionId),
                state(current == null ? null : current.months()), state(months), null);
        return versioned(written);
    }

    /** The audit's target id: one per institution, stable. */
    static UUID target(String institutionId) {
        return UUID.nameUUIDFromBytes(("mention-retention:" + institutionId).getBytes(StandardCharsets.UTF_8));
    }

    private String state(Integer months) {
        return months == null ? "PLATFORM(" + settings.months() + ")" : months + " MONTHS";
    }

    private Versioned versioned(RetentionRepository.Row row) {
        Integer months = row == null ? null : row.months();
        int effective = months == null ? settings.months() : months;
        Instant keepsFrom = Instant.now().atZone(ZoneOffset.UTC).minusMonths(effective).toInstant();
        return new Versioned(new RetentionView(settings.months(), months, effective, keepsFrom,
                row == null ? null : row.updatedAt(), row == null ? null : row.updatedBy()), row == null ? 0 : row.version());
    }

    private String institutionId() {
        return institution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
    }
}
