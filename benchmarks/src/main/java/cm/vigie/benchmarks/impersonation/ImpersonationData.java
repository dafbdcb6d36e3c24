package cm.vigie.benchmarks.impersonation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import cm.vigie.accounts.impersonation.engine.Candidate;
import cm.vigie.accounts.impersonation.engine.PlatformHandle;
import cm.vigie.accounts.impersonation.engine.Reference;
import cm.vigie.accounts.impersonation.engine.ReferenceKind;

/**
 * A deterministic, synthetic but realistic workload: protected persons and official accounts of Cameroonian-style
 * institutions, and candidates drawn from the same pools of first names, surnames and towns, so that most
 * candidates share words with some reference (the hard case for blocking), a few are lookalikes made with the
 * usual tricks, and a few are the official accounts themselves.
 */
public final class ImpersonationData {

    public static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    static final String[] FIRST = {"Aurélien", "Christiane", "Hamadou", "Jean-Baptiste", "Florence", "Pierre",
        "Aminatou", "Gervais", "Bernadette", "Emmanuel", "Yaya", "Thérèse", "Paul", "Marie", "Joseph", "Sandrine",
        "Ibrahim", "Christelle", "Serge", "Brigitte", "Arnaud", "Fatimatou", "Eric", "Solange", "Samuel", "Josiane",
        "Hervé", "Mireille", "Blaise", "Aïcha", "Martin", "Cécile", "Roger", "Odile", "Alain", "Geneviève",
        "Daniel", "Hortense", "Félix", "Régine", "Moussa", "Adèle", "Justin", "Nadège", "Lucien", "Pélagie",
        "Achille", "Rosine", "Barthélemy", "Clarisse", "Oumarou", "Salomé", "Valentin", "Estelle", "Hilaire",
        "Viviane", "Modeste", "Laure", "Bello", "Esther"};
    static final String[] SURNAMES = {"Mbarga", "Ngono", "Eyenga", "Bella", "Bouba", "Aliou", "Tchoumi", "Fotso",
        "Ewane", "Ndedi", "Nkolo", "Atangana", "Sali", "Dairou", "Ondoua", "Mvogo", "Ngo", "Bassong", "Fonkou",
        "Tanyi", "Garba", "Issa", "Akono", "Mengue", "Mballa", "Ndjock", "Kamga", "Nguema", "Moussa", "Bello",
        "Nkoulou", "Essomba", "Tchakounte", "Hamadou", "Ndzana", "Mvondo", "Ewondo", "Onana", "Abena", "Biyong",
        "Eto", "Mbia", "Manga", "Owona", "Belinga", "Ekambi", "Douala", "Njoya", "Ngassa", "Tchatchoua", "Kouam",
        "Fouda", "Ateba", "Messi", "Zambo", "Bikoro", "Mbida", "Ayissi", "Elanga", "Ntsama", "Effa", "Amougou",
        "Nana", "Djoumessi", "Wandji", "Tagne", "Yomi", "Kenfack", "Simo", "Nzouango", "Kuate", "Tsafack",
        "Mefire", "Ngounou", "Poka", "Youmbi", "Abouem", "Ngando", "Ebong", "Ekane", "Enow", "Tabi", "Ayuk",
        "Eyong", "Agbor", "Besong", "Mbah", "Fru", "Ndi", "Achu", "Tambe", "Nfor", "Ngwa", "Ashu", "Nkeng",
        "Ousmanou", "Haman", "Adamou", "Oumarou", "Aboubakar", "Djibrilla", "Mohamadou", "Souley", "Yerima",
        "Baba", "Maïgari", "Hayatou", "Sadou", "Abdoulaye", "Mbombo", "Ndongo", "Olinga", "Edzoa", "Menye",
        "Ekotto", "Song", "Ngoumou", "Biloa", "Etoundi"};
    static final String[] TOWNS = {"Yaoundé", "Douala", "Garoua", "Bamenda", "Maroua", "Bafoussam", "Ngaoundéré",
        "Bertoua", "Ebolowa", "Kribi", "Limbé", "Buea", "Kumba", "Edéa", "Nkongsamba", "Dschang", "Foumban",
        "Mbalmayo", "Sangmélima", "Kousseri", "Mokolo", "Guider", "Meiganga", "Batouri", "Abong-Mbang", "Mbouda",
        "Bafang", "Bangangté", "Obala", "Akonolinga", "Mfou", "Soa", "Loum", "Manjo", "Tiko", "Wum", "Kumbo",
        "Nkambé", "Mamfé", "Yagoua", "Kaélé", "Mora", "Tibati", "Banyo", "Yokadouma", "Lomié", "Ambam", "Campo"};
    static final String[] REGIONS = {"Centre", "Littoral", "Nord", "Extrême-Nord", "Adamaoua", "Est", "Sud",
        "Ouest", "Nord-Ouest", "Sud-Ouest"};
    static final String[][] DOMAINS = {{"Santé Publique", "SANTE"}, {"Finances", "FI"}, {"Éducation de Base",
        "EDUB"}, {"Enseignements Secondaires", "ESEC"}, {"Enseignement Supérieur", "ESUP"}, {"Travaux Publics", "TP"},
        {"Agriculture et du Développement Rural", "ADER"}, {"Élevage et des Pêches", "EPIA"}, {"Commerce", "COMMERCE"},
        {"Transports", "T"}, {"Eau et de l'Énergie", "EE"}, {"Affaires Sociales", "AS"}, {"Communication", "COM"},
        {"Jeunesse et de l'Éducation Civique", "JEC"}, {"Sports et de l'Éducation Physique", "SEP"},
        {"Tourisme et des Loisirs", "TOUL"}, {"Forêts et de la Faune", "FOF"}, {"Environnement", "EPED"},
        {"Habitat et du Développement Urbain", "HDU"}, {"Postes et Télécommunications", "POSTEL"},
        {"Administration Territoriale", "AT"}, {"Justice", "JUSTICE"}, {"Emploi et de la Formation Professionnelle",
        "EFOP"}, {"Promotion de la Femme et de la Famille", "PROFF"}, {"Arts et de la Culture", "AC"},
        {"Mines et de l'Industrie", "MIDT"}, {"Recherche Scientifique", "RESI"}, {"Domaines et du Cadastre", "DCAF"}};
    static final String[] PLATFORMS = {"FACEBOOK", "X", "INSTAGRAM", "TIKTOK", "YOUTUBE", "LINKEDIN", "TELEGRAM",
        "WHATSAPP_CHANNEL"};
    static final String[] BIOS = {"Étudiant à l'Université de Yaoundé I", "Commerçante au marché central",
        "Footballeur amateur", "Père de famille, Dieu avant tout", "Informaticien | Tech | Buea", "Couturière",
        "Enseignant", "Infirmière", "Photographe", "Agriculteur", "Journaliste", "Mannequin", "Chauffeur",
        "Musicien, artiste chanteur", "Entrepreneur", "", "", "", "Abonnez-vous à ma page", "Vente de pagnes"};
    static final String[] SCAM_BIOS = {"Recrutement 2026 : envoyez votre dossier par WhatsApp",
        "Page officielle. Subventions aux jeunes, écrivez en privé.", "Mon ancien compte a été piraté, nouveau compte",
        "Compte officiel", ""};

    public final List<Reference> references;
    public final List<Candidate> candidates;
    /** For each candidate, the id of the reference it was made to imitate, or null. */
    public final List<UUID> imitates;

    private ImpersonationData(List<Reference> references, List<Candidate> candidates, List<UUID> imitates) {
        this.references = references;
        this.candidates = candidates;
        this.imitates = imitates;
    }

    public static ImpersonationData generate(int persons, int accounts, int candidates, long seed) {
        Random random = new Random(seed);
        List<Reference> references = new ArrayList<>(persons + accounts);
        Set<String> names = new HashSet<>();
        Set<String> handles = new HashSet<>();
        for (int i = 0; references.size() < persons; i++) {
            String first = pick(random, FIRST);
            String name = first + " " + pick(random, SURNAMES)
                    + (random.nextInt(3) > 0 ? " " + pick(random, SURNAMES) : "");
            if (!names.add(name)) {
                continue;
            }
            String[] words = plain(name).replace("-", " ").split(" ");
            String surname = words[words.length - 1];
            List<PlatformHandle> own = new ArrayList<>();
            for (String handle : List.of(String.join("", words), words[0].charAt(0) + "_" + surname,
                    String.join(".", words))) {
                String platform = pick(random, PLATFORMS);
                if (own.size() < 1 + random.nextInt(3) && handles.add(platform + ":" + handle)) {
                    own.add(new PlatformHandle(platform, handle));
                }
            }
            String[] domain = DOMAINS[random.nextInt(DOMAINS.length)];
            String title = switch (random.nextInt(5)) {
                case 0 -> "Ministre de la " + domain[0];
                case 1 -> "Directeur général de l'Agence nationale des " + domain[0];
                case 2 -> "Gouverneur de la Région de l'" + pick(random, REGIONS);
                case 3 -> "Délégué régional " + domain[0] + " " + pick(random, REGIONS);
                default -> "Maire de " + pick(random, TOWNS);
            };
            references.add(new Reference(ReferenceKind.PROTECTED_PERSON, uuid(random), "inst-" + random.nextInt(300),
                    null, null, name, List.of((random.nextBoolean() ? "Dr " : "") + surname), List.of(title),
                    List.of(random.nextLong(), random.nextLong()), own));
        }
        while (references.size() < persons + accounts) {
            String[] domain = DOMAINS[random.nextInt(DOMAINS.length)];
            String town = pick(random, TOWNS);
            String region = pick(random, REGIONS);
            String name;
            String acronym;
            switch (random.nextInt(6)) {
                case 0 -> {
                    name = "Ministère de la " + domain[0];
                    acronym = "MIN" + domain[1];
                }
                case 1 -> {
                    name = "Délégation Régionale de la " + domain[0] + " du " + region;
                    acronym = "DR" + domain[1] + plain(region).replace("-", "").substring(0, 3).toUpperCase(Locale.ROOT);
                }
                case 2 -> {
                    name = "Mairie de " + town;
                    acronym = "Mairie" + plain(town).replace("-", "");
                }
                case 3 -> {
                    name = "Hôpital Régional de " + town;
                    acronym = "HR" + plain(town).replace("-", "");
                }
                case 4 -> {
                    name = "Lycée Bilingue de " + town;
                    acronym = "LB" + plain(town).replace("-", "");
                }
                default -> {
                    name = "Délégation Départementale de la " + domain[0] + " de " + town;
                    acronym = "DD" + domain[1] + plain(town).replace("-", "");
                }
            }
            String base = acronym.toLowerCase(Locale.ROOT);
            String handle = switch (random.nextInt(5)) {
                case 0 -> base;
                case 1 -> base + "_cm";
                case 2 -> base + ".officiel";
                case 3 -> base + "cameroun";
                default -> base + "_" + (100 + random.nextInt(900));
            };
            String platform = pick(random, PLATFORMS);
            if (!handles.add(platform + ":" + handle)) {
                continue;
            }
            references.add(new Reference(ReferenceKind.OFFICIAL_ACCOUNT, uuid(random), "inst-" + random.nextInt(300),
                    platform, handle, name, List.of(acronym), List.of(), List.of(), List.of()));
        }

        List<Candidate> out = new ArrayList<>(candidates);
        List<UUID> imitates = new ArrayList<>(candidates);
        for (int i = 0; i < candidates; i++) {
            int kind = random.nextInt(100);
            if (kind < 4) {
                Reference target = references.get(random.nextInt(references.size()));
                out.add(fake(random, target));
                imitates.add(target.id());
            } else if (kind < 5) {
                Reference target = references.get(persons + random.nextInt(accounts));
                out.add(new Candidate(target.platform(), target.handle(), target.displayName(), "", null,
                        NOW.minus(Duration.ofDays(2000)), 50_000L, true));
                imitates.add(null);
            } else {
                out.add(ordinary(random));
                imitates.add(null);
            }
        }
        return new ImpersonationData(List.copyOf(references), List.copyOf(out), java.util.Collections
                .unmodifiableList(imitates));
    }

    private static Candidate ordinary(Random random) {
        Instant created = NOW.minus(Duration.ofDays(1 + random.nextInt(4000)));
        long followers = (long) Math.pow(10, random.nextDouble() * 5);
        if (random.nextInt(5) == 0) {
            String town = pick(random, TOWNS);
            String name = pick(random, new String[] {"Boutique", "Salon de coiffure", "Restaurant", "Église",
                "Association des jeunes de", "Pharmacie", "Auto-école", "Radio communautaire de"}) + " " + town;
            return new Candidate(pick(random, PLATFORMS), plain(name).toLowerCase(Locale.ROOT).replace(" ", "_")
                    .replace("'", ""), name, pick(random, BIOS), random.nextLong(), created, followers, false);
        }
        String first = pick(random, FIRST);
        String last = pick(random, SURNAMES);
        String name = first + " " + last + (random.nextInt(4) == 0 ? " " + pick(random, SURNAMES) : "");
        String handle = switch (random.nextInt(4)) {
            case 0 -> plain(first + "." + last).toLowerCase(Locale.ROOT);
            case 1 -> plain(first + "_" + last).toLowerCase(Locale.ROOT) + random.nextInt(1000);
            case 2 -> plain(last).toLowerCase(Locale.ROOT) + "_" + pick(random, TOWNS).toLowerCase(Locale.ROOT);
            default -> plain(first).toLowerCase(Locale.ROOT) + random.nextInt(100000);
        };
        return new Candidate(pick(random, PLATFORMS), handle.replace("-", "").replace(" ", ""), name,
                pick(random, BIOS), random.nextBoolean() ? random.nextLong() : null, created, followers,
                random.nextInt(50) == 0);
    }

    private static Candidate fake(Random random, Reference target) {
        Instant created = NOW.minus(Duration.ofDays(1 + random.nextInt(80)));
        long followers = random.nextInt(400);
        String bio = pick(random, SCAM_BIOS);
        if (target.kind() == ReferenceKind.OFFICIAL_ACCOUNT) {
            String handle = switch (random.nextInt(4)) {
                case 0 -> target.handle().replaceFirst("a", "\u0430");
                case 1 -> target.handle().replaceFirst("o", "0").replaceFirst("e", "\u0435");
                case 2 -> target.handle() + "_officiel";
                default -> target.handle().replace("m", "rn");
            };
            if (handle.equals(target.handle())) {
                handle = "real_" + handle;
            }
            return new Candidate(pick(random, PLATFORMS), handle, target.displayName(), bio, null, created,
                    followers, false);
        }
        String[] words = plain(target.displayName()).toLowerCase(Locale.ROOT).replace("-", " ").split(" ");
        String handle = switch (random.nextInt(3)) {
            case 0 -> "dr_" + words[words.length - 1] + "_officiel";
            case 1 -> String.join(".", words) + random.nextInt(100);
            default -> target.officialHandles().isEmpty() ? String.join("", words) + "_real"
                    : target.officialHandles().get(0).handle().replaceFirst("o", "\u03bf");
        };
        String name = random.nextBoolean() ? target.displayName() : "S.E. " + target.displayName();
        return new Candidate(pick(random, PLATFORMS), handle, name, target.titles().get(0) + ". " + bio,
                random.nextBoolean() ? target.photoHashes().get(0) ^ (1L << random.nextInt(64)) : null, created,
                followers, false);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** Accents off, for handles (which are ASCII on most platforms). */
    static String plain(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("'", "");
    }
}
