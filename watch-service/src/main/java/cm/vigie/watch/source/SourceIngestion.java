package cm.vigie.watch.source;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cm.vigie.watch.mention.IngestResult;
import cm.vigie.watch.mention.MentionIngestion;
import cm.vigie.watch.mention.MentionInput;

/** Hands what a connector collected to ingestion, for the source's institution, in batches ingestion accepts. */
@ApplicationScoped
public class SourceIngestion {

    private final MentionIngestion ingestion;

    SourceIngestion(MentionIngestion ingestion) {
        this.ingestion = ingestion;
    }

    /** Ingests every mention; answers the totals over all batches. */
    public IngestResult ingest(String institutionId, List<MentionInput> mentions) {
        int accepted = 0;
        int duplicates = 0;
        List<IngestResult.Rejection> rejected = new java.util.ArrayList<>();
        for (int start = 0; start < mentions.size(); start += MentionIngestion.MAX_BATCH) {
            int end = Math.min(mentions.size(), start + MentionIngestion.MAX_BATCH);
            IngestResult result = ingestion.ingest(institutionId, mentions.subList(start, end));
            accepted += result.accepted();
            duplicates += result.duplicates();
            for (IngestResult.Rejection rejection : result.rejected()) {
                rejected.add(new IngestResult.Rejection(start + rejection.index(), rejection.errors()));
            }
        }
        return new IngestResult(accepted, duplicates, rejected);
    }
}
