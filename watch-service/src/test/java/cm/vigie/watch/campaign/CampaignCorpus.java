package cm.vigie.watch.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A labelled, reproducible corpus of two days of posts about a ministry: campaigns (fresh and hijacked accounts
 * posting one text with small variations, a phone number or a scam link, in bursts, sometimes across platforms, some
 * pushing links only) hidden in organic posts and in organic look-alikes that are not campaigns: fans relaying the
 * ministry's own statement, news outlets syndicating one wire story, a viral article shared by many with their own
 * words, short cheers everyone writes.
 */
final class CampaignCorpus {

    static final Instant START = Instant.parse("2026-11-02T06:00:00Z");
    private static final Duration SPAN = Duration.ofHours(48);
    private static final String[] PLATFORMS = {"FACEBOOK", "X", "TIKTOK", "TELEGRAM", "YOUTUBE"};

    private static final String[] WORDS = ("santé hôpital vaccin école route marché prix carburant électricité eau "
            + "coupure délestage ministre gouvernement région village ville quartier jeunesse emploi concours bourse "
            + "examen université enseignant médecin infirmier pharmacie médicament paludisme choléra campagne rentrée "
            + "football lions match stade taxi moto pluie inondation sécheresse récolte cacao café banane manioc "
            + "élection mairie préfet police gendarmerie sécurité frontière douane impôt salaire pension retraite "
            + "internet réseau téléphone orange mtn facture tarif hausse baisse annonce rumeur vérité information "
            + "health hospital school road market price fuel power water outage minister government region jobs exam "
            + "university teacher doctor nurse pharmacy medicine malaria cholera football match rain flood harvest "
            + "police security tax salary pension internet network phone bill rate increase announcement rumour "
            + "mairie communauté association église mosquée famille enfant femme homme vieux jeune travail argent "
            + "bonjour merci vraiment toujours encore demain hier aujourd'hui semaine mois année nouveau ancien grand "
            + "petit bon mauvais cher gratuit ouvert fermé retard attente queue service guichet dossier papier").split(" ");
    private static final String[] SCAM_WORDS = ("inscription gratuite bonus recrutement ministère frais dossier payer "
            + "mobile money orange money momo envoyer validation places limitées urgent dernier délai contactez "
            + "whatsapp numéro recrutement agents santé bourse étudiants aide gouvernementale covid prime subvention "
            + "registration fee send money limited places apply now government grant scholarship jobs hiring "
            + "verification account blocked reward winner lottery promo").split(" ");
    private static final String[] EMOJI = {"", "", " 🔥", " ‼️", " 👉", " 🙏", " ✅", " 📢"};
    private static final String[] CHEERS = {"Bravo !", "Merci monsieur le ministre", "Courage à vous", "Vraiment ?",
            "Good job", "On attend toujours", "Dieu merci", "Top 👏", "C'est faux", "Enfin !"};

    record Labelled(SharedPost post, String campaign) {
    }

    final List<Labelled> posts = new ArrayList<>();
    final List<String> statements = new ArrayList<>();
    final List<String> officialDomains = List.of("minsante.cm", "spm.gov.cm");
    int campaigns;
    int organic;

    private final SplittableRandom random;
    private final Map<String, Instant> created = new HashMap<>();
    private int sequence;

    CampaignCorpus(long seed, int campaignCount, int organicCount) {
        random = new SplittableRandom(seed);
        for (int i = 0; i < organicCount; i++) {
            organic(i);
        }
        for (int i = 0; i < 12; i++) {
            fansRelayStatement(i);
        }
        for (int i = 0; i < 12; i++) {
            outletsSyndicate(i);
        }
        for (int i = 0; i < 8; i++) {
            viralArticle(i);
        }
        for (int i = 0; i < campaignCount; i++) {
            campaign(i);
        }
        posts.sort(Comparator.comparing((Labelled l) -> l.post().at()).thenComparing(l -> l.post().id()));
    }

    private void organic(int i) {
        String account = "citizen-" + random.nextInt(3000);
        Instant at = randomInstant();
        String text = random.nextInt(4) == 0 ? pick(CHEERS) : sentence(WORDS, 6 + random.nextInt(20));
        List<String> links = random.nextInt(6) == 0
                ? List.of("https://www.journal" + random.nextInt(20) + ".cm/article/" + random.nextInt(300))
                : List.of();
        List<String> tags = random.nextInt(5) == 0 ? List.of(pick(new String[] {"#Cameroun", "#Santé", "#Yaoundé", "#Douala"}))
                : List.of();
        add(account, at, text, links, tags, null, oldAccount(account), null);
        organic++;
    }

    /** The ministry's statement, then its fans relaying it word for word or nearly, over the next half hour. */
    private void fansRelayStatement(int i) {
        String statement = "Communiqué : " + sentence(WORDS, 25 + random.nextInt(15));
        statements.add(statement);
        Instant at = randomInstant();
        int fans = 15 + random.nextInt(26);
        for (int f = 0; f < fans; f++) {
            String account = "fan-" + random.nextInt(800);
            String text = (random.nextBoolean() ? "Partagez ! " : "") + vary(statement, 1) + pick(EMOJI);
            List<String> links = random.nextBoolean() ? List.of("https://www.minsante.cm/communiques/" + i + "?fbclid=x" + f)
                    : List.of();
            add(account, at.plusSeconds(random.nextInt(1800)), text, links, List.of(), null, oldAccount(account), null);
        }
    }

    /** One wire story taken by a few outlets over the next hour, each with its own link. */
    private void outletsSyndicate(int i) {
        String story = sentence(WORDS, 20 + random.nextInt(15));
        Instant at = randomInstant();
        int outlets = 3 + random.nextInt(5);
        for (int o = 0; o < outlets; o++) {
            String account = "outlet-" + random.nextInt(40);
            add(account, at.plusSeconds(random.nextInt(3600)), story,
                    List.of("https://" + account + ".cm/" + i), List.of(), null, oldAccount(account), null);
        }
    }

    /** One article shared by many within minutes, each in their own words. */
    private void viralArticle(int i) {
        Instant at = randomInstant();
        String link = "https://www.journal-viral.cm/breaking/" + i;
        int sharers = 20 + random.nextInt(21);
        for (int s = 0; s < sharers; s++) {
            String account = "citizen-" + random.nextInt(3000);
            add(account, at.plusSeconds(random.nextInt(600)), sentence(WORDS, 4 + random.nextInt(12)),
                    List.of(link + (random.nextBoolean() ? "?utm_source=fb" : "")), List.of(), null,
                    oldAccount(account), null);
        }
    }

    /** A campaign: 8 to 30 accounts, mostly fresh, posting in 1 to 3 bursts of a text or a pair of links. */
    private void campaign(int i) {
        String label = "campaign-" + i;
        campaigns++;
        int size = 8 + random.nextInt(23);
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < size; a++) {
            String account = label + "-acct-" + a;
            accounts.add(account);
            boolean hijacked = random.nextInt(10) < 3;
            created.put(account, hijacked ? START.minus(Duration.ofDays(400 + random.nextInt(2000)))
                    : START.minus(Duration.ofDays(random.nextInt(20))));
        }
        boolean linksOnly = random.nextInt(6) == 0;
        boolean crossPlatform = random.nextInt(3) == 0;
        String phone = "6" + (70 + random.nextInt(30)) + " " + (10 + random.nextInt(90)) + " " + (10 + random.nextInt(90))
                + " " + (10 + random.nextInt(90));
        String hashtag = "#" + pick(SCAM_WORDS).replace(" ", "") + i;
        int bursts = linksOnly ? 2 : 1 + random.nextInt(3);
        for (int b = 0; b < bursts; b++) {
            Instant start = randomInstant();
            String template = sentence(SCAM_WORDS, 8 + random.nextInt(10)) + " " + sentence(WORDS, 6 + random.nextInt(8));
            String link = "https://bit.ly/" + label + "-" + b;
            String image = random.nextInt(4) == 0 ? "img-" + label + "-" + b : null;
            for (String account : accounts) {
                if (!linksOnly && bursts > 1 && random.nextInt(5) == 0) {
                    continue;
                }
                Instant at = start.plusSeconds(random.nextInt(150));
                String platform = crossPlatform ? pick(PLATFORMS) : PLATFORMS[i % PLATFORMS.length];
                String text = linksOnly ? sentence(WORDS, 3 + random.nextInt(10))
                        : vary(template, 2) + (random.nextBoolean() ? " Appelez le " + phone : "") + pick(EMOJI);
                List<String> links = linksOnly || random.nextInt(3) == 0 ? List.of(link) : List.of();
                List<String> tags = random.nextBoolean() ? List.of(hashtag) : List.of();
                addOn(platform, account, at, text, links, tags, image, created.get(account), label);
            }
        }
    }

    private void add(String account, Instant at, String text, List<String> links, List<String> tags, String image,
            Instant accountCreated, String label) {
        addOn(pick(PLATFORMS), account, at, text, links, tags, image, accountCreated, label);
    }

    private void addOn(String platform, String account, Instant at, String text, List<String> links, List<String> tags,
            String image, Instant accountCreated, String label) {
        String body = tags.isEmpty() ? text : text + " " + String.join(" ", tags);
        posts.add(new Labelled(new SharedPost("p" + sequence++, account, platform, at, body, links, tags, image,
                accountCreated, List.of(), false), label));
    }

    private Instant oldAccount(String account) {
        return created.computeIfAbsent(account, a -> START.minus(Duration.ofDays(200 + random.nextInt(3000))));
    }

    /** The text with up to {@code edits} words replaced, dropped or added, and its case sometimes changed. */
    private String vary(String text, int edits) {
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        int n = random.nextInt(edits + 1);
        for (int e = 0; e < n && words.size() > 3; e++) {
            int at = random.nextInt(words.size());
            switch (random.nextInt(3)) {
                case 0 -> words.set(at, pick(WORDS));
                case 1 -> words.remove(at);
                default -> words.add(at, pick(WORDS));
            }
        }
        String varied = String.join(" ", words);
        return random.nextInt(5) == 0 ? varied.toUpperCase(java.util.Locale.ROOT) : varied;
    }

    private String sentence(String[] vocabulary, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : " ").append(pick(vocabulary));
        }
        return text.toString();
    }

    private Instant randomInstant() {
        return START.plusSeconds(random.nextLong(SPAN.toSeconds()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
