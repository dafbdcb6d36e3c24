package cm.vigie.plan.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.plan.accounts.ChannelCheck;
import cm.vigie.plan.audit.HistoryEntry;
import cm.vigie.plan.audit.PlanAudit;
import cm.vigie.plan.countermeasure.CountermeasureCatalogue;
import cm.vigie.plan.countermeasure.Decision;
import cm.vigie.plan.exercise.ExerciseRepository;
import cm.vigie.plan.remote.Lookup;
import cm.vigie.plan.watch.WatchAlert;
import cm.vigie.plan.watch.WatchClient;
import cm.vigie.plan.workflow.ApprovalPolicyService;
import cm.vigie.plan.workflow.Clocks;
import cm.vigie.plan.workflow.ItemStatus;
import cm.vigie.plan.workflow.Severity;
import cm.vigie.plan.workflow.Workflow;

@ApplicationScoped
public class ResponsePlanService {

    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "deadline", "deadline",
            "severity", "severity", "status", "status", "title", "title");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    /** What creation found out about the plan's source, to tell the caller. */
    public record Created(ResponsePlan plan, List<String> warnings) {
    }

    private final ResponsePlanRepository plans;
    private final Workflow workflow;
    private final ApprovalPolicyService policies;
    private final PlanAudit audit;
    private final WatchClient watch;
    private final ChannelCheck channels;
    private final CountermeasureCatalogue catalogue;
    private final CurrentInstitution institution;
    private final OutcomeSettings settings;
    private final ExerciseRepository exercises;

    ResponsePlanService(ResponsePlanRepository plans, Workflow workflow, ApprovalPolicyService policies, PlanAudit audit,
            WatchClient watch, ChannelCheck channels, CountermeasureCatalogue catalogue, CurrentInstitution institution,
            OutcomeSettings settings, ExerciseRepository exercises) {
        this.exercises = exercises;
        this.plans = plans;
        this.workflow = workflow;
        this.policies = policies;
        this.audit = audit;
        this.watch = watch;
        this.channels = channels;
        this.catalogue = catalogue;
        this.institution = institution;
        this.settings = settings;
    }

    @Transactional
    public Created create(ResponsePlanRequest request) {
        if (request.alertId() == null && request.hoaxId() == null) {
            throw new ProblemException(ProblemType.VALIDATION, List.of(new FieldError("alertId", "source.required"),
                    new FieldError("hoaxId", "source.required")), "problem.validation.detail");
        }
        ResponsePlanContent content = checked(request.content());
        ResponsePlan plan = new ResponsePlan();
        plan.id = UUID.randomUUID();
        plan.institutionId = institution.slug().orElseThrow();
        plan.alertId = request.alertId();
        plan.hoaxId = request.hoaxId();
        List<String> warnings = new ArrayList<>();
        Severity alertSeverity = verifySource(plan, warnings);
        plan.exerciseId = exerciseOf(request.exerciseId(), plan.exerciseId);
        plan.status = ItemStatus.DRAFT;
        plan.createdBy = audit.actor();
        plan.lastEditedBy = plan.createdBy;
        plan.createdAt = Clocks.now();
        plan.updatedAt = plan.createdAt;
        apply(plan, content, alertSeverity);
        plans.persist(plan);
        audit.record(plan.institutionId, "CREATED", plan.kind().name(), plan.id, null, plan.status.name(),
                warnings.isEmpty() ? null : String.join("; ", warnings), null, content);
        return new Created(plan, warnings);
    }

    public ResponsePlan get(UUID id) {
        return plans.findVisible(id).orElseThrow(() -> ProblemException.notFound("response-plan.not-found"));
    }

    public PageResponse<ResponsePlan> list(ItemStatus status, Severity severity, UUID alertId, UUID hoaxId, PageRequest page) {
        var query = plans.search(status, severity, alertId, hoaxId, Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT))
                .page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    public List<ResponsePlan> escalations() {
        return plans.escalated();
    }

    /** Edits a draft (If-Match required); the source stays the one given at creation. */
    @Transactional
    public ResponsePlan update(UUID id, String ifMatch, ResponsePlanRequest request) {
        ResponsePlan plan = get(id);
        ETags.requireMatch(ifMatch, plan.version);
        Workflow.requireStatus(plan, "edit", ItemStatus.DRAFT);
        ResponsePlanContent content = checked(request.content());
        ResponsePlanContent before = plan.plan;
        plan.lastEditedBy = audit.actor();
        plan.updatedAt = Clocks.now();
        apply(plan, content, plan.severity);
        workflow.flush();
        audit.record(plan.institutionId, "EDITED", plan.kind().name(), plan.id, plan.status.name(), plan.status.name(), null,
                before, content);
        return plan;
    }

    @Transactional
    public ResponsePlan submit(UUID id, String ifMatch, String comment) {
        ResponsePlan plan = get(id);
        if (plan.plan.decision() == null) {
            throw ProblemException.invalid("decision", "response.decision-required");
        }
        plan.submittedAt = Clocks.now();
        workflow.submit(plan, ifMatch, comment);
        return plan;
    }

    @Transactional
    public ResponsePlan approve(UUID id, String ifMatch, String comment) {
        ResponsePlan plan = get(id);
        workflow.approve(plan, ifMatch, comment);
        return plan;
    }

    @Transactional
    public ResponsePlan reject(UUID id, String ifMatch, String comment) {
        ResponsePlan plan = get(id);
        workflow.reject(plan, ifMatch, comment);
        return plan;
    }

    @Transactional
    public ResponsePlan publish(UUID id, String ifMatch, String comment) {
        ResponsePlan plan = get(id);
        Workflow.checkIfMatch(ifMatch, plan);
        if (plan.status == ItemStatus.APPROVED && plan.plan.decision() != Decision.RESPOND) {
            throw ProblemException.invalidTransition("response.publish-needs-respond");
        }
        plan.publishedAt = Clocks.now();
        workflow.move(plan, ifMatch, "PUBLISHED", Set.of(ItemStatus.APPROVED), ItemStatus.PUBLISHED, comment);
        return plan;
    }

    /** Closes with the outcome: the volume before and after the answer, from watch-service (UNAVAILABLE when down). */
    @Transactional
    public ResponsePlan close(UUID id, String ifMatch, String comment) {
        ResponsePlan plan = get(id);
        Set<ItemStatus> from = plan.plan.decision() == Decision.RESPOND ? Set.of(ItemStatus.PUBLISHED)
                : Set.of(ItemStatus.APPROVED, ItemStatus.PUBLISHED);
        Workflow.checkIfMatch(ifMatch, plan);
        Workflow.requireStatus(plan, "close", from.toArray(ItemStatus[]::new));
        plan.outcome = outcome(plan, comment);
        plan.closedAt = Clocks.now();
        workflow.move(plan, ifMatch, "CLOSED", from, ItemStatus.CLOSED, comment);
        return plan;
    }

    public List<HistoryEntry> history(UUID id) {
        ResponsePlan plan = get(id);
        return audit.history(plan.institutionId, plan.kind().name(), plan.id);
    }

    private Outcome outcome(ResponsePlan plan, String comment) {
        Instant pivot = plan.publishedAt != null ? plan.publishedAt
                : plan.approvals.isEmpty() ? plan.createdAt : plan.approvals.get(plan.approvals.size() - 1).at();
        Duration window = settings.outcomeWindow();
        Instant now = Instant.now();
        Instant afterEnd = pivot.plus(window).isBefore(now) ? pivot.plus(window) : now;
        String measured;
        Lookup<Long> before;
        Lookup<Long> after;
        if (plan.hoaxId != null) {
            measured = "HOAX";
            before = watch.hoaxVolume(plan.hoaxId, pivot.minus(window), pivot);
            after = afterEnd.isAfter(pivot) ? watch.hoaxVolume(plan.hoaxId, pivot, afterEnd) : new Lookup.Found<>(0L);
        } else if (plan.watchlistId != null) {
            measured = "WATCHLIST";
            before = watch.watchlistVolume(plan.watchlistId, pivot.minus(window), pivot);
            after = afterEnd.isAfter(pivot) ? watch.watchlistVolume(plan.watchlistId, pivot, afterEnd) : new Lookup.Found<>(0L);
        } else {
            return new Outcome(Outcome.Availability.UNAVAILABLE, null, pivot, null, null, null, window.toHours(),
                    "the alert names neither a hoax nor a watchlist", comment);
        }
        if (before instanceof Lookup.Found<Long> b && after instanceof Lookup.Found<Long> a) {
            Double change = b.value() == 0 ? null : Math.round(1000.0 * (a.value() - b.value()) / b.value()) / 10.0;
            return new Outcome(Outcome.Availability.AVAILABLE, measured, pivot, b.value(), a.value(), change,
                    window.toHours(), null, comment);
        }
        String reason = before instanceof Lookup.Unavailable<Long> down ? down.reason()
                : after instanceof Lookup.Unavailable<Long> down ? down.reason() : "watch-service does not know this hoax or watchlist";
        return new Outcome(Outcome.Availability.UNAVAILABLE, measured, pivot, null, null, null, window.toHours(), reason, comment);
    }

    /**
     * The plan's exercise: the alert's when it comes from an exercise, else the one asked for, which must be an
     * exercise of the caller's institution (and agree with the alert's).
     */
    private UUID exerciseOf(UUID asked, UUID fromAlert) {
        if (asked != null && fromAlert != null && !asked.equals(fromAlert)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, List.of(new FieldError("exerciseId", "response.exercise-mismatch")),
                    "problem.validation.detail");
        }
        if (asked != null && fromAlert == null && exercises.findByIdOptional(asked).isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, List.of(new FieldError("exerciseId", "response.exercise-unknown")),
                    "problem.validation.detail");
        }
        return fromAlert != null ? fromAlert : asked;
    }

    /** Checks the alert or hoax against watch-service; answers the alert's severity when it has one. */
    private Severity verifySource(ResponsePlan plan, List<String> warnings) {
        Severity severity = null;
        boolean verified = true;
        if (plan.alertId != null) {
            Lookup<WatchAlert> alert = watch.alert(plan.alertId);
            if (alert instanceof Lookup.Missing<WatchAlert>) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, List.of(new FieldError("alertId", "source.unknown")),
                        "source.unknown.detail");
            }
            if (alert instanceof Lookup.Found<WatchAlert> found) {
                severity = found.value().severity();
                plan.watchlistId = found.value().watchlistId();
                plan.exerciseId = found.value().exerciseId();
                if (plan.hoaxId == null) {
                    plan.hoaxId = found.value().hoaxId();
                }
            } else if (alert instanceof Lookup.Unavailable<WatchAlert> down) {
                verified = false;
                warnings.add("alert not verified: " + down.reason());
            }
        }
        if (plan.hoaxId != null && (plan.alertId == null || !verified)) {
            Lookup<UUID> hoax = watch.hoax(plan.hoaxId);
            if (hoax instanceof Lookup.Missing<UUID>) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, List.of(new FieldError("hoaxId", "source.unknown")),
                        "source.unknown.detail");
            }
            if (hoax instanceof Lookup.Unavailable<UUID> down) {
                verified = false;
                if (plan.alertId == null) {
                    warnings.add("hoax not verified: " + down.reason());
                }
            }
        }
        plan.sourceVerified = verified;
        return severity;
    }

    /** The harm assessed, else the alert's severity, else MEDIUM, sets the deadline counted from creation. */
    private void apply(ResponsePlan plan, ResponsePlanContent content, Severity fallback) {
        plan.plan = content;
        plan.title = content.title();
        plan.severity = content.threat() != null ? content.threat().harm() : fallback != null ? fallback : Severity.MEDIUM;
        plan.deadline = plan.createdAt.plus(policies.deadlineFor(plan.severity));
        plan.fastTrack = plan.severity == Severity.CRITICAL;
    }

    private ResponsePlanContent checked(ResponsePlanContent content) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < content.countermeasures().size(); i++) {
            if (!catalogue.contains(content.countermeasures().get(i))) {
                errors.add(new FieldError("countermeasures[" + i + "]", "countermeasure.unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
        channels.requireOfficial(content.rebuttals().stream().map(Rebuttal::channelId).toList(),
                i -> "rebuttals[" + i + "].channelId");
        return content;
    }
}
