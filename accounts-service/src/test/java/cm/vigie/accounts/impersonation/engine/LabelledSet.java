package cm.vigie.accounts.impersonation.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads the fictional reference set and the labelled candidates kept in test resources. */
final class LabelledSet {

    /** The instant the labelled set is scored at (its creation dates are relative to it). */
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    record Row(boolean impersonation, String category, Candidate candidate) {
    }

    private LabelledSet() {
    }

    static List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (String[] f : rows("/impersonation/references.tsv", 10)) {
            List<PlatformHandle> handles = list(f[9]).stream().map(h -> {
                int colon = h.indexOf(':');
                return new PlatformHandle(h.substring(0, colon), h.substring(colon + 1));
            }).toList();
            references.add(new Reference(ReferenceKind.valueOf(f[0]), UUID.fromString(f[1]), f[2], blank(f[3]),
                    blank(f[4]), blank(f[5]), list(f[6]), list(f[7]),
                    list(f[8]).stream().map(PerceptualHash::parseHex).toList(), handles));
        }
        return references;
    }

    /** The generated set ({@code labelled.tsv}) followed by the hand-written one ({@code handwritten.tsv}). */
    static List<Row> labelled() {
        List<Row> rows = new ArrayList<>(read("/impersonation/labelled.tsv"));
        rows.addAll(read("/impersonation/handwritten.tsv"));
        return rows;
    }

    static List<Row> read(String resource) {
        List<Row> rows = new ArrayList<>();
        for (String[] f : rows(resource, 10)) {
            Candidate candidate = new Candidate(f[2], f[3], blank(f[4]), blank(f[5]),
                    f[6].isEmpty() ? null : PerceptualHash.parseHex(f[6]),
                    f[7].isEmpty() ? null : Instant.parse(f[7]), f[8].isEmpty() ? null : Long.parseLong(f[8]),
                    f[9].isEmpty() ? null : Boolean.parseBoolean(f[9]));
            rows.add(new Row(f[0].equals("1"), f[1], candidate));
        }
        return rows;
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = Arrays.copyOf(line.split("\t", -1), columns);
                for (int i = 0; i < columns; i++) {
                    if (fields[i] == null) {
                        fields[i] = "";
                    }
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }

    private static List<String> list(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\\|"));
    }
}
