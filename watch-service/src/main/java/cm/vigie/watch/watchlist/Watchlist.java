package cm.vigie.watch.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import cm.vigie.watch.alert.Severity;

/** A saved query an institution watches, with the rules that turn its matches into alerts. */
@Entity
@Table(name = "watchlist")
public class Watchlist {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "institution_id")
    public String institutionId;

    public String name;
    public String query;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> languages;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> platforms;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public boolean active;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "alert_rules")
    public List<AlertRule> alertRules;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Version
    public long version;
}
