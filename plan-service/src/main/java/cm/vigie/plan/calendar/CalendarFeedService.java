package cm.vigie.plan.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.CurrentInstitution;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.plan.accounts.ChannelCheck;
import cm.vigie.plan.audit.PlanAudit;
import cm.vigie.plan.publication.Publication;
import cm.vigie.plan.riskdate.RiskDate;
import cm.vigie.plan.riskdate.RiskDateRepository;
import cm.vigie.plan.riskdate.RiskDateService;
import cm.vigie.plan.workflow.Clocks;
import cm.vigie.plan.workflow.ItemStatus;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Subscription links for calendar programs, which cannot send a bearer token: the link carries a 256-bit secret,
 * of which only the SHA-256 is stored. Reading a feed needs no caller, so it runs its queries in a session bound
 * explicitly to the feed's institution.
 */
@ApplicationScoped
public class CalendarFeedService {

    static final String AUDIT_TARGET = "CALENDAR_FEED";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PUBLICATIONS = "from Publication where plannedAt >= :from and plannedAt < :to"
            + " and status <> :cancelled";

    /** A new feed and its secret, which is never stored. */
    public record Created(CalendarFeed feed, String token) {
    }

    private final EntityManager entityManager;
    private final CurrentInstitution institution;
    private final PlanAudit audit;
    private final SecurityIdentity identity;
    private final ChannelCheck channels;
    private final CalendarService calendar;
    private final InstitutionDirectory directory;

    CalendarFeedService(EntityManager entityManager, CurrentInstitution institution, PlanAudit audit,
            SecurityIdentity identity, ChannelCheck channels, CalendarService calendar, InstitutionDirectory directory) {
        this.directory = directory;
        this.entityManager = entityManager;
        this.institution = institution;
        this.audit = audit;
        this.identity = identity;
        this.channels = channels;
        this.calendar = calendar;
    }

    @Transactional
    public Created create(UUID channel) {
        if (channel != null) {
            channels.requireOfficial(List.of(channel), i -> "channel");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeed feed = new CalendarFeed();
        feed.id = UUID.randomUUID();
        feed.institutionId = institution.slug().orElseThrow();
        feed.owner = audit.actor();
        feed.tokenHash = hash(token);
        feed.channelId = channel;
        feed.createdAt = Clocks.now();
        entityManager.persist(feed);
        audit.record(feed.institutionId, "CREATED", AUDIT_TARGET, feed.id, null, "ACTIVE", null, null, null);
        return new Created(feed, token);
    }

    /** The caller's own live feeds. */
    public List<CalendarFeed> mine() {
        return entityManager.createQuery("from CalendarFeed where owner = :owner and revokedAt is null order by createdAt",
                CalendarFeed.class).setParameter("owner", audit.actor()).getResultList();
    }

    /** Revokes a feed: its owner or an institution admin may. */
    @Transactional
    public void revoke(UUID id) {
        CalendarFeed feed = entityManager.createQuery("from CalendarFeed where id = :id and revokedAt is null", CalendarFeed.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("calendar-feed.not-found"));
        if (!feed.owner.equals(audit.actor()) && !identity.hasRole(cm.vigie.commons.tenancy.Roles.INSTITUTION_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "calendar-feed.not-yours");
        }
        feed.revokedAt = Clocks.now();
        audit.record(feed.institutionId, "REVOKED", AUDIT_TARGET, feed.id, "ACTIVE", "REVOKED", null, null, null);
    }

    /**
     * The calendar a live feed shows, or empty when the secret matches no live feed. A feed of a suspended
     * institution answers 403: the link carries no token, so the request filter cannot see whose it is.
     */
    public Optional<String> read(String token, CalendarRange range) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT institution_id, CAST(channel_id AS varchar) FROM calendar_feed WHERE token_hash = :hash AND revoked_at IS NULL")
                .setParameter("hash", hash(token)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String slug = (String) rows.get(0)[0];
        directory.requireActive(slug);
        UUID channel = rows.get(0)[1] == null ? null : UUID.fromString((String) rows.get(0)[1]);
        SessionFactory factory = entityManager.getEntityManagerFactory().unwrap(SessionFactory.class);
        try (Session session = factory.withOptions().tenantIdentifier((Object) slug).openSession()) {
            session.setDefaultReadOnly(true);
            var query = session.createSelectionQuery(PUBLICATIONS + (channel == null ? "" : " and channelId = :channel")
                    + " order by plannedAt, id", Publication.class)
                    .setParameter("from", range.from()).setParameter("to", range.to())
                    .setParameter("cancelled", ItemStatus.CANCELLED);
            if (channel != null) {
                query.setParameter("channel", channel);
            }
            List<Publication> planned = query.getResultList();
            List<RiskDate> risks = session.createSelectionQuery(RiskDateRepository.TOUCHING, RiskDate.class)
                    .setParameter("first", range.firstDay()).setParameter("last", range.lastDay()).getResultList();
            return Optional.of(calendar.render(slug, planned,
                    RiskDateService.occurrences(risks, range.firstDay(), range.lastDay())));
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
