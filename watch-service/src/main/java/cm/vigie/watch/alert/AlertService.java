package cm.vigie.watch.alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.paging.PageRequest;
import cm.vigie.commons.paging.PageResponse;
import cm.vigie.commons.paging.Sorting;
import cm.vigie.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class AlertService {

    static final String AUDIT_TARGET = "ALERT";
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt",
            "severity", "severity", "mentionCount", "mentionCount");
    private static final Sorting DEFAULT_SORT = new Sorting("createdAt", false);

    private final AlertRepository alerts;
    private final AlertWriter writer;
    private final DataSource dataSource;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Event<AlertEventsCommitted> committed;

    AlertService(AlertRepository alerts, AlertWriter writer, DataSource dataSource, AuditLog audit, SecurityIdentity identity,
            Event<AlertEventsCommitted> committed) {
        this.alerts = alerts;
        this.writer = writer;
        this.dataSource = dataSource;
        this.audit = audit;
        this.identity = identity;
        this.committed = committed;
    }

    public PageResponse<Alert> list(AlertFilter filter, PageRequest page) {
        var query = alerts.search(filter, Sorting.parse(page.sort, SORTABLE, DEFAULT_SORT)).page(page.page, page.size);
        return new PageResponse<>(query.list(), page.page, page.size, query.count());
    }

    public Alert get(UUID id) {
        return alerts.findVisible(id).orElseThrow(() -> ProblemException.notFound("alert.not-found"));
    }

    @Transactional
    public Alert acknowledge(UUID id) {
        Alert alert = get(id);
        if (alert.status != AlertStatus.OPEN) {
            throw ProblemException.invalidTransition("alert.transition.invalid", alert.status, AlertStatus.ACKNOWLEDGED);
        }
        Instant now = Instant.now();
        alert.status = AlertStatus.ACKNOWLEDGED;
        alert.acknowledgedAt = now;
        alert.acknowledgedBy = identity.getPrincipal().getName();
        alert.updatedAt = now;
        return changed(alert, AlertStatus.OPEN, AlertEvent.ACKNOWLEDGED, null, now);
    }

    @Transactional
    public Alert resolve(UUID id, ResolveRequest request) {
        Alert alert = get(id);
        if (alert.status == AlertStatus.RESOLVED) {
            throw ProblemException.invalidTransition("alert.transition.invalid", alert.status, AlertStatus.RESOLVED);
        }
        AlertStatus from = alert.status;
        Instant now = Instant.now();
        alert.status = AlertStatus.RESOLVED;
        alert.resolvedAt = now;
        alert.resolvedBy = identity.getPrincipal().getName();
        alert.resolutionNote = request == null ? null : request.note();
        alert.updatedAt = now;
        return changed(alert, from, AlertEvent.RESOLVED, alert.resolutionNote, now);
    }

    private Alert changed(Alert alert, AlertStatus from, String eventType, String reason, Instant now) {
        alerts.flush();
        audit.record(alert.institutionId, "ALERT_" + alert.status, AUDIT_TARGET, alert.id, from.name(), alert.status.name(),
                reason);
        try (Connection connection = dataSource.getConnection()) {
            AlertEvent event = writer.append(connection, alert.institutionId, AlertView.of(alert), eventType, now);
            committed.fire(new AlertEventsCommitted(List.of(event)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return alert;
    }
}
