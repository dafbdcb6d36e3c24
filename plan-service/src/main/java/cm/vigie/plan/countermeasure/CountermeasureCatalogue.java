package cm.vigie.plan.countermeasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The countermeasures Vigie proposes, keyed by DISARM id; the same for every institution. */
@ApplicationScoped
public class CountermeasureCatalogue {

    private static final List<Countermeasure> ALL = List.of(
            new Countermeasure("C00008", "Create shared fact-checking database", "Base partagée de vérifications",
                    "Record the checked facts and debunks in a base shared with other institutions and fact-checkers, so that a hoax answered once is answered everywhere.",
                    "Consigner les faits vérifiés et les démentis dans une base partagée avec les autres institutions et les vérificateurs, pour qu'une infox démentie une fois le soit partout.",
                    "A known hoax comes back, or several institutions are targeted by the same claim.",
                    "Une infox connue revient, ou plusieurs institutions sont visées par la même affirmation."),
            new Countermeasure("C00114", "Don't engage with payloads", "Ne pas relayer le contenu trompeur",
                    "Do not quote, share or answer the false content publicly: every answer shows it to more people. Keep watching and be ready to act.",
                    "Ne pas citer, partager ni répondre publiquement au contenu faux : chaque réponse le montre à davantage de personnes. Continuer la veille et se tenir prêt.",
                    "Small reach and slow spread: answering would amplify a rumour that is dying on its own.",
                    "Faible portée et diffusion lente : répondre amplifierait une rumeur qui s'éteint d'elle-même."),
            new Countermeasure("C00117", "Downgrade / de-amplify so message is seen by fewer people", "Réduire la visibilité du contenu",
                    "Report the content to the platforms under their rules (fake account, dangerous health claim, scam) so that they label it or reduce its distribution.",
                    "Signaler le contenu aux plateformes selon leurs règles (faux compte, allégation sanitaire dangereuse, arnaque) pour qu'elles l'étiquettent ou en réduisent la diffusion.",
                    "Wide reach on a platform whose rules the content breaks.",
                    "Large portée sur une plateforme dont le contenu enfreint les règles."),
            new Countermeasure("C00119", "Engage payload and debunk", "Répondre et démentir",
                    "Publish a factual correction from the official account: state the truth first, name the false claim once, explain briefly, link to the evidence.",
                    "Publier un rectificatif factuel depuis le compte officiel : la vérité d'abord, l'affirmation fausse une seule fois, une explication courte, le lien vers les preuves.",
                    "The claim spreads fast or reaches many people, and the facts are clear and documented.",
                    "L'affirmation se répand vite ou touche beaucoup de monde, et les faits sont clairs et documentés."),
            new Countermeasure("C00125", "Prebunking", "Prévenir avant la rumeur (prebunking)",
                    "Warn the public before the rumour arrives: explain the manipulation technique or the expected false claim, with the true information.",
                    "Prévenir le public avant l'arrivée de la rumeur : expliquer la technique de manipulation ou l'affirmation fausse attendue, avec l'information juste.",
                    "Before an event that draws rumours (exam results, elections, vaccination campaigns), or when a hoax circulates elsewhere and may reach your audience.",
                    "Avant un événement propice aux rumeurs (résultats d'examens, élections, campagnes de vaccination), ou quand une infox circule ailleurs et peut atteindre votre public."),
            new Countermeasure("C00126", "Social media amber alert", "Alerte d'urgence sur les réseaux",
                    "Coordinate an urgent alert across official accounts and partners when the false information endangers people (health, safety, money).",
                    "Coordonner une alerte urgente sur les comptes officiels et chez les partenaires quand l'information fausse met des personnes en danger (santé, sécurité, argent).",
                    "Critical harm: people may act on the hoax and be hurt or robbed.",
                    "Préjudice critique : des personnes peuvent agir sur la foi de l'infox et être blessées ou escroquées."),
            new Countermeasure("C00154", "Ask media not to report false information", "Demander aux médias de ne pas relayer",
                    "Brief journalists and editors with the facts and ask them not to repeat the false claim in headlines.",
                    "Informer journalistes et rédactions avec les faits et leur demander de ne pas reprendre l'affirmation fausse dans leurs titres.",
                    "Traditional media are about to pick up the rumour.",
                    "Les médias traditionnels s'apprêtent à reprendre la rumeur."),
            new Countermeasure("C00156", "Better tell your country or organization story", "Mieux raconter l'action de l'institution",
                    "Publish regular, concrete, human stories about what the institution does, so that the public has true information to hold on to.",
                    "Publier régulièrement des récits concrets et humains de l'action de l'institution, pour que le public dispose d'informations justes.",
                    "Recurring distrust of the institution rather than one precise hoax.",
                    "Défiance récurrente envers l'institution plutôt qu'une infox précise."),
            new Countermeasure("C00178", "Fill information voids with non-disinformation content", "Combler le vide d'information",
                    "Publish quickly what is known, what is not yet known and when the next update comes: rumours grow where official information is missing.",
                    "Publier vite ce que l'on sait, ce que l'on ne sait pas encore et quand viendra la prochaine mise à jour : les rumeurs naissent là où l'information officielle manque.",
                    "People ask questions the institution has not answered yet.",
                    "Le public pose des questions auxquelles l'institution n'a pas encore répondu."),
            new Countermeasure("C00188", "Newsroom/Journalist training to counter influence moves", "Former les rédactions",
                    "Train journalists and community relays to recognise the manipulation techniques seen in the institution's domain.",
                    "Former journalistes et relais communautaires à reconnaître les techniques de manipulation observées dans le domaine de l'institution.",
                    "Between crises, when the same kinds of hoaxes keep coming back.",
                    "Entre deux crises, quand les mêmes types d'infox reviennent."),
            new Countermeasure("C00200", "Respected figure (influencer) disavows misinfo", "Démenti par une figure respectée",
                    "Ask a person the audience trusts (a doctor, a traditional or religious leader, an artist) to speak against the false claim in their own words.",
                    "Demander à une personne en qui le public a confiance (médecin, chef traditionnel ou religieux, artiste) de contredire l'affirmation fausse avec ses propres mots.",
                    "High harm, and the audience distrusts the institution's own voice.",
                    "Préjudice élevé, et le public se méfie de la parole de l'institution."),
            new Countermeasure("C00211", "Use humorous counter-narratives", "Contre-discours humoristique",
                    "Answer with humour that ridicules the false claim, not the people who believed it.",
                    "Répondre avec un humour qui ridiculise l'affirmation fausse, pas les personnes qui y ont cru.",
                    "Low harm, an absurd claim, and an audience used to the account's tone.",
                    "Préjudice faible, affirmation absurde, public habitué au ton du compte."),
            new Countermeasure("C00220", "Develop a monitoring and intelligence plan", "Plan de veille renforcée",
                    "Set up watchlists and alert rules for the claim, its variants and its relays, and review them daily.",
                    "Mettre en place des veilles et des règles d'alerte sur l'affirmation, ses variantes et ses relais, et les revoir chaque jour.",
                    "Whatever the decision, as long as the claim is alive.",
                    "Quelle que soit la décision, tant que l'affirmation circule."));

    private final Map<String, Countermeasure> byId = new LinkedHashMap<>();

    CountermeasureCatalogue() {
        ALL.forEach(c -> byId.put(c.id(), c));
    }

    public List<Countermeasure> all() {
        return ALL;
    }

    public Optional<Countermeasure> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }
}
