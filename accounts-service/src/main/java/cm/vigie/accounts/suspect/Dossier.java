package cm.vigie.accounts.suspect;

import java.time.Instant;
import java.util.List;

import cm.vigie.accounts.person.ChangeRecord;
import cm.vigie.accounts.person.ProtectedPerson;

/** Everything a complaint needs about one case, read in one go. */
public record Dossier(SuspectAccount suspect, ProtectedPerson person, List<EvidenceItem> evidence,
        List<ChangeRecord> history, Instant exportedAt) {
}
