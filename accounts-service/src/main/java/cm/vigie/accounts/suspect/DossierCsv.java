package cm.vigie.accounts.suspect;

import java.util.ArrayList;
import java.util.List;

/**
 * The case file as RFC 4180 CSV with one table shape, {@code section,field,value,at,by,detail}: the CASE rows, then one
 * EVIDENCE row per capture (field = SHA-256, value = URL), then one HISTORY row per change. Cells that a spreadsheet
 * would run as a formula are prefixed with a quote.
 */
public final class DossierCsv {

    static final String HEADER = "section,field,value,at,by,detail";

    private DossierCsv() {
    }

    public static String write(Dossier dossier) {
        SuspectAccount s = dossier.suspect();
        List<List<Object>> rows = new ArrayList<>();
        caseRow(rows, "caseId", s.id);
        caseRow(rows, "institution", s.institutionId);
        caseRow(rows, "platform", s.platform);
        caseRow(rows, "handle", s.handle);
        caseRow(rows, "displayName", s.displayName);
        caseRow(rows, "profileUrl", s.profileUrl);
        if (dossier.person() != null) {
            caseRow(rows, "personId", dossier.person().id);
            caseRow(rows, "personFullName", dossier.person().fullName);
            caseRow(rows, "personTitles", String.join(" | ", dossier.person().titles));
        }
        caseRow(rows, "officialAccountId", s.officialAccountId);
        caseRow(rows, "score", s.score);
        caseRow(rows, "verdict", s.verdict);
        caseRow(rows, "status", s.status);
        caseRow(rows, "reportReference", s.reportReference);
        caseRow(rows, "reportedAt", s.reportedAt);
        caseRow(rows, "slaDays", s.slaDays);
        caseRow(rows, "dueAt", s.dueAt);
        caseRow(rows, "overdue", s.overdue(dossier.exportedAt()));
        caseRow(rows, "outcome", s.outcome);
        caseRow(rows, "closedAt", s.closedAt);
        caseRow(rows, "openedAt", s.createdAt);
        caseRow(rows, "exportedAt", dossier.exportedAt());
        for (EvidenceItem item : dossier.evidence()) {
            rows.add(List.of("EVIDENCE", item.sha256, item.url, item.capturedAt, item.capturedBy, nullable(item.note)));
        }
        for (var change : dossier.history()) {
            String move = change.from() == null && change.to() == null ? ""
                    : nullable(change.from()) + " -> " + nullable(change.to());
            rows.add(List.of("HISTORY", change.action(), move, change.at(), change.actor(), nullable(change.reason())));
        }
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(row.get(i)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static void caseRow(List<List<Object>> rows, String field, Object value) {
        rows.add(List.of("CASE", field, value == null ? "" : value, "", "", ""));
    }

    private static String nullable(Object value) {
        return value == null ? "" : value.toString();
    }

    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.startsWith(" ") || text.endsWith(" ")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
