package cm.vigie.watch.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.http.ETags;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.problem.FieldError;
import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.quota.InstitutionQuotas;
import cm.vigie.commons.quota.Quota;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.watch.alert.AlertEvent;
import cm.vigie.watch.alert.Severity;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class WebhookService {

    static final String AUDIT_TARGET = "WEBHOOK";

    private final WebhookRepository webhooks;
    private final WebhookSettings settings;
    private final AuditLog audit;
    private final DataSource dataSource;
    private final CurrentInstitution institution;
    private final InstitutionQuotas quotas;

    WebhookService(WebhookRepository webhooks, WebhookSettings settings, AuditLog audit, DataSource dataSource,
            CurrentInstitution institution, InstitutionQuotas quotas) {
        this.quotas = quotas;
        this.webhooks = webhooks;
        this.settings = settings;
        this.audit = audit;
        this.dataSource = dataSource;
        this.institution = institution;
    }

    @Transactional
    public Webhook create(WebhookRequest request) {
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        apply(webhook, request);
        webhook.createdAt = Instant.now();
        webhook.updatedAt = webhook.createdAt;
        institution.slug().ifPresent(slug -> quotas.requireRoom(Quota.WEBHOOKS, slug, webhooks::count));
        webhooks.persist(webhook);
        webhooks.flush();
        audit.record(webhook.institutionId, "WEBHOOK_CREATED", AUDIT_TARGET, webhook.id, null, state(webhook), webhook.url);
        return webhook;
    }

    public PageResponse<Webhook> list(PageRequest page) {
        var query = webhooks.findAll(Sort.descending("createdAt").and("id")).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    public Webhook get(UUID id) {
        return webhooks.findVisible(id).orElseThrow(() -> ProblemException.notFound("webhook.not-found"));
    }

    @Transactional
    public Webhook update(UUID id, String ifMatch, WebhookRequest request) {
        Webhook webhook = get(id);
        ETags.requireMatch(ifMatch, webhook.version);
        String before = state(webhook);
        apply(webhook, request);
        webhook.updatedAt = Instant.now();
        webhooks.flush();
        audit.record(webhook.institutionId, "WEBHOOK_UPDATED", AUDIT_TARGET, webhook.id, before, state(webhook), webhook.url);
        return webhook;
    }

    @Transactional
    public void delete(UUID id) {
        Webhook webhook = get(id);
        audit.record(webhook.institutionId, "WEBHOOK_DELETED", AUDIT_TARGET, webhook.id, state(webhook), null, webhook.url);
        webhooks.delete(webhook);
    }

    /** The delivery log of a webhook, newest first. */
    public PageResponse<DeliveryView> deliveries(UUID id, PageRequest page) {
        Webhook webhook = get(id);
        List<DeliveryView> items = new ArrayList<>();
        long total;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error,
                           created_at, delivered_at
                      FROM webhook_delivery WHERE institution_id = ? AND webhook_id = ?
                     ORDER BY created_at DESC, id LIMIT ? OFFSET ?""")) {
                statement.setString(1, webhook.institutionId);
                statement.setObject(2, webhook.id);
                statement.setInt(3, page.size);
                statement.setInt(4, page.offset());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int code = rows.getInt("last_status_code");
                        Integer lastCode = rows.wasNull() ? null : code;
                        String status = rows.getString("status");
                        items.add(new DeliveryView(rows.getObject("id", UUID.class), rows.getLong("event_id"),
                                rows.getString("event_type"), status, rows.getInt("attempts"),
                                "PENDING".equals(status) ? instant(rows.getTimestamp("next_attempt_at")) : null, lastCode,
                                rows.getString("last_error"), instant(rows.getTimestamp("created_at")),
                                instant(rows.getTimestamp("delivered_at"))));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM webhook_delivery WHERE institution_id = ? AND webhook_id = ?")) {
                statement.setString(1, webhook.institutionId);
                statement.setObject(2, webhook.id);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new PageResponse<>(items, page.page, page.size, total);
    }

    public String institutionId() {
        return institution.slug().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail"));
    }

    private void apply(Webhook webhook, WebhookRequest request) {
        List<FieldError> errors = new ArrayList<>();
        WebhookUrlGuard.refusal(request.url(), settings.allowPrivateAddresses())
                .ifPresent(key -> errors.add(new FieldError("url", key)));
        List<String> types = request.eventTypes() == null || request.eventTypes().isEmpty() ? AlertEvent.TYPES
                : request.eventTypes().stream().distinct().toList();
        for (int i = 0; i < types.size(); i++) {
            if (!AlertEvent.TYPES.contains(types.get(i))) {
                errors.add(new FieldError("eventTypes[" + i + "]", "webhook.event-types.unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors, "problem.validation.detail");
        }
        webhook.url = request.url().strip();
        webhook.secret = request.secret();
        webhook.eventTypes = types;
        webhook.minSeverity = request.minSeverity() == null ? Severity.LOW : request.minSeverity();
        boolean active = request.active() == null || request.active();
        if (active && !webhook.active) {
            webhook.consecutiveFailures = 0;
            webhook.disabledReason = null;
        }
        webhook.active = active;
        webhook.exercise = request.exercise() != null && request.exercise();
    }

    private static String state(Webhook webhook) {
        return webhook.active ? "ACTIVE" : "INACTIVE";
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Instant now() {
        return Instant.now();
    }
}
