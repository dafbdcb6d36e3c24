package cm.vigie.accounts.suspect;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<EvidenceItem, UUID> {

    public List<EvidenceItem> ofSuspect(UUID suspectId) {
        return list("suspectId = ?1 order by capturedAt, addedAt, id", suspectId);
    }
}
