package cm.vigie.watch.source.meta;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cm.vigie.commons.problem.ProblemException;
import cm.vigie.commons.problem.ProblemType;
import cm.vigie.commons.tenancy.InstitutionDirectory;
import cm.vigie.watch.mention.IngestResult;
import cm.vigie.watch.source.SourceIngestion;
import cm.vigie.watch.source.SourceSettings;
import cm.vigie.watch.source.SourceStatusStore;

/** The Meta Pages webhook of a source: the subscription handshake and signed event deliveries. */
@ApplicationScoped
public class MetaWebhooks {

    private static final Logger LOG = Logger.getLogger(MetaWebhooks.class);

    private final SourceStatusStore sources;
    private final SourceIngestion ingestion;
    private final ObjectMapper json;
    private final InstitutionDirectory directory;

    MetaWebhooks(SourceStatusStore sources, SourceIngestion ingestion, ObjectMapper json, InstitutionDirectory directory) {
        this.sources = sources;
        this.ingestion = ingestion;
        this.json = json;
        this.directory = directory;
    }

    /** Answers the challenge when the mode is {@code subscribe} and the token is the source's. */
    public String verify(UUID sourceId, String mode, String verifyToken, String challenge) {
        SourceSettings source = find(sourceId);
        if (!"subscribe".equals(mode) || challenge == null || !MetaSignature.tokensEqual(source.verifyToken(), verifyToken)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "source.meta.verify-token");
        }
        return challenge;
    }

    /**
     * Verifies the signature over the raw body before reading anything; a bad one stores nothing. A delivery for a
     * suspended institution is acknowledged (200) and dropped without ingestion: Meta retries a refusal for hours and
     * may then disable the page's subscription, which reactivation could not restore (ADR 0026).
     */
    public MetaWebhookReceipt receive(UUID sourceId, String signature, byte[] body) {
        SourceSettings source = find(sourceId);
        if (!MetaSignature.verify(source.secret(), body == null ? new byte[0] : body, signature)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "source.meta.signature");
        }
        JsonNode delivery;
        try {
            delivery = json.readTree(body);
        } catch (IOException e) {
            delivery = null;
        }
        if (delivery == null || !delivery.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "problem.malformed-request.detail");
        }
        Instant now = Instant.now();
        MetaEvents.Parsed parsed = MetaEvents.parse(delivery, source.account(), now);
        if (directory.suspendedNow().contains(source.institutionId())) {
            LOG.infof("Meta delivery for source %s dropped: institution %s is suspended (%d changes)", source.id(),
                    source.institutionId(), parsed.changes());
            return new MetaWebhookReceipt(parsed.changes(), 0, 0, parsed.changes());
        }
        IngestResult result = parsed.mentions().isEmpty() ? new IngestResult(0, 0, java.util.List.of())
                : ingestion.ingest(source.institutionId(), parsed.mentions());
        sources.recordPush(source.id(), now, result.accepted());
        return new MetaWebhookReceipt(parsed.changes(), result.accepted(), result.duplicates(),
                parsed.ignored() + result.rejected().size());
    }

    private SourceSettings find(UUID sourceId) {
        return sources.find(sourceId, true).filter(source -> MetaPageConnector.TYPE.equals(source.type()))
                .orElseThrow(() -> ProblemException.notFound("source.not-found"));
    }
}
