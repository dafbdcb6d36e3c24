package cm.vigie.plan.exercise.scenario;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import cm.vigie.plan.exercise.scenario.Scenario.Actor;
import cm.vigie.plan.exercise.scenario.Scenario.Deadlines;
import cm.vigie.plan.exercise.scenario.Scenario.ExpectedAlert;
import cm.vigie.plan.exercise.scenario.Scenario.Expectations;
import cm.vigie.plan.exercise.scenario.Scenario.Hoax;
import cm.vigie.plan.exercise.scenario.Scenario.Inject;
import cm.vigie.plan.exercise.scenario.Scenario.InjectType;
import cm.vigie.plan.exercise.scenario.Scenario.Metrics;
import cm.vigie.plan.exercise.scenario.Scenario.Person;
import cm.vigie.plan.exercise.scenario.Scenario.Text;
import cm.vigie.plan.exercise.scenario.Scenario.Watchlist;

/**
 * Reads and validates one scenario file. The YAML is walked by hand rather than bound to classes so that every
 * problem names its path ({@code injects[3].actor}) and all problems of a file are reported at once.
 */
public final class ScenarioParser {

    static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_.]{1,50}");
    static final Pattern URL = Pattern.compile("https?://\\S+");
    static final List<String> PLATFORMS = List.of("FACEBOOK", "X", "TIKTOK", "YOUTUBE", "INSTAGRAM", "LINKEDIN",
            "TELEGRAM", "WHATSAPP", "WEB", "RSS", "OTHER");
    static final List<String> LANGUAGES = List.of("fr", "en");
    static final List<String> VERDICTS = List.of("FALSE", "MISLEADING", "MANIPULATED_MEDIA", "SATIRE", "UNVERIFIED");
    static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    static final List<String> RULES = List.of("HOAX", "KEYWORD", "IMPERSONATION", "REACH", "SPIKE");
    static final List<String> DECISIONS = List.of("RESPOND", "MONITOR_ONLY", "DO_NOT_AMPLIFY");
    static final int MAX_BURST = 5_000;
    static final int MAX_TEXT = 20_000;

    private static final YAMLMapper YAML = new YAMLMapper();

    private final String file;
    private final List<ScenarioError> errors = new ArrayList<>();

    private ScenarioParser(String file) {
        this.file = file;
    }

    /** Parses {@code content}, read from {@code fileName} (such as {@code vaccination-sterility.yaml}). */
    public static Scenario parse(String fileName, String content) {
        return new ScenarioParser(fileName).run(content);
    }

    private Scenario run(String content) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            error("", "is not valid YAML" + where + ": " + e.getOriginalMessage(),
                    "n’est pas du YAML valide" + where + " : " + e.getOriginalMessage());
            throw new InvalidScenarioException(errors);
        } catch (IOException e) {
            error("", "cannot be read: " + e.getMessage(), "ne peut pas être lu : " + e.getMessage());
            throw new InvalidScenarioException(errors);
        }
        if (root == null || !root.isObject()) {
            error("", "must be a mapping (id, title, summary, duration, actors, injects, expectations...)",
                    "doit être un dictionnaire (id, title, summary, duration, actors, injects, expectations...)");
            throw new InvalidScenarioException(errors);
        }
        Scenario scenario = scenario(root);
        if (!errors.isEmpty()) {
            throw new InvalidScenarioException(errors);
        }
        return scenario;
    }

    private Scenario scenario(JsonNode root) {
        known(root, "", "id", "title", "summary", "duration", "gentle", "actors", "persons", "hoaxes", "watchlists",
                "injects", "expectations");
        String id = string(root, "", "id", true);
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                error("id", "must use only a-z, 0-9 and '-'", "ne doit contenir que a-z, 0-9 et « - »");
            }
            String expected = file.replaceAll("^.*/", "").replaceAll("\\.ya?ml$", "");
            if (!id.equals(expected)) {
                error("id", "is \"" + id + "\" but the file is named " + expected + ".yaml: the id must equal the file name",
                        "vaut « " + id + " » mais le fichier s’appelle " + expected + ".yaml : l’id doit être le nom du fichier");
            }
        }
        Text title = text(root, "title");
        Text summary = text(root, "summary");
        Duration duration = duration(root, "", "duration", true);
        boolean gentle = bool(root, "", "gentle", false);

        List<Person> persons = new ArrayList<>();
        Set<String> personIds = new HashSet<>();
        each(root, "", "persons", false, (node, path) -> {
            known(node, path, "id", "fullName", "titles", "aliases");
            String pid = uniqueId(node, path, personIds);
            String fullName = string(node, path, "fullName", true);
            persons.add(new Person(pid, fullName, strings(node, path, "titles"), strings(node, path, "aliases")));
        });

        List<Actor> actors = new ArrayList<>();
        Set<String> actorIds = new HashSet<>();
        Set<String> handles = new HashSet<>();
        each(root, "", "actors", true, (node, path) -> {
            known(node, path, "id", "handle", "displayName", "followers", "createdAt", "impersonates");
            String aid = uniqueId(node, path, actorIds);
            String handle = string(node, path, "handle", true);
            if (handle != null && !HANDLE.matcher(handle).matches()) {
                error(path + ".handle", "must be 1 to 50 letters, digits, '_' or '.'", "doit compter 1 à 50 lettres, chiffres, « _ » ou « . »");
            } else if (handle != null && !handles.add(handle.toLowerCase())) {
                error(path + ".handle", "is used by another actor", "est utilisé par un autre acteur");
            }
            String displayName = string(node, path, "displayName", true);
            long followers = number(node, path, "followers", false, 0, Long.MAX_VALUE);
            Instant createdAt = instant(node, path, "createdAt");
            String impersonates = string(node, path, "impersonates", false);
            if (impersonates != null && !personIds.contains(impersonates)) {
                error(path + ".impersonates", "names no person of this scenario: \"" + impersonates + "\"",
                        "ne désigne aucune personne de ce scénario : « " + impersonates + " »");
            }
            actors.add(new Actor(aid, handle, displayName, followers, createdAt, impersonates));
        });

        List<Hoax> hoaxes = new ArrayList<>();
        Set<String> hoaxIds = new HashSet<>();
        each(root, "", "hoaxes", false, (node, path) -> {
            known(node, path, "id", "claims", "verdict", "debunkUrl");
            String hid = uniqueId(node, path, hoaxIds);
            List<String> claims = strings(node, path, "claims");
            if (claims.isEmpty()) {
                error(path + ".claims", "needs at least one claim", "demande au moins une affirmation");
            }
            String verdict = enumeration(node, path, "verdict", VERDICTS, true);
            String debunkUrl = string(node, path, "debunkUrl", false);
            if (debunkUrl != null && !URL.matcher(debunkUrl).matches()) {
                error(path + ".debunkUrl", "must be an http(s) URL", "doit être une URL http(s)");
            }
            hoaxes.add(new Hoax(hid, claims, verdict, debunkUrl));
        });

        List<Watchlist> watchlists = new ArrayList<>();
        Set<String> watchlistIds = new HashSet<>();
        each(root, "", "watchlists", false, (node, path) -> {
            known(node, path, "id", "name", "query", "severity");
            String wid = uniqueId(node, path, watchlistIds);
            watchlists.add(new Watchlist(wid, string(node, path, "name", true), string(node, path, "query", true),
                    enumeration(node, path, "severity", SEVERITIES, true)));
        });

        List<Inject> injects = new ArrayList<>();
        Map<String, Inject> mentionsByRef = new HashMap<>();
        each(root, "", "injects", true, (node, path) -> {
            Inject inject = inject(node, path, injects.size(), actorIds, mentionsByRef);
            injects.add(inject);
        });
        // METRICS refs are checked once every MENTION is known: "prior" is about scenario time, not file order.
        for (Inject inject : injects) {
            if (inject == null || inject.type() != InjectType.METRICS || inject.ref() == null) {
                continue;
            }
            String path = "injects[" + inject.index() + "].ref";
            Inject original = mentionsByRef.get(inject.ref());
            if (original == null) {
                error(path, "names no MENTION inject: \"" + inject.ref() + "\" (a METRICS inject re-posts an earlier MENTION with a ref)",
                        "ne désigne aucun inject MENTION : « " + inject.ref() + " » (un inject METRICS republie un MENTION antérieur qui porte ce ref)");
            } else if (inject.at() != null && original.at() != null && inject.at().compareTo(original.at()) <= 0) {
                error(path, "refers to a MENTION at " + original.at() + ", which is not before this METRICS inject (" + inject.at() + ")",
                        "désigne un MENTION à " + original.at() + ", qui n’est pas antérieur à cet inject METRICS (" + inject.at() + ")");
            }
        }
        if (duration != null) {
            for (Inject inject : injects) {
                if (inject != null && inject.at() != null) {
                    Duration end = inject.type() == InjectType.BURST && inject.over() != null ? inject.at().plus(inject.over()) : inject.at();
                    if (end.compareTo(duration) > 0) {
                        error("injects[" + inject.index() + "].at", "ends at " + end + ", after the scenario's duration " + duration,
                                "se termine à " + end + ", après la durée du scénario " + duration);
                    }
                }
            }
        }

        Expectations expectations = expectations(root, actorIds, hoaxIds, watchlistIds, mentionsByRef, injects);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Scenario(id, title, summary, duration, gentle, List.copyOf(actors), List.copyOf(persons),
                List.copyOf(hoaxes), List.copyOf(watchlists), List.copyOf(injects), expectations);
    }

    private Inject inject(JsonNode node, String path, int index, Set<String> actorIds, Map<String, Inject> mentionsByRef) {
        Duration at = duration(node, path, "at", true);
        String type = enumeration(node, path, "type", List.of("MENTION", "BURST", "METRICS"), true);
        if (type == null) {
            return new Inject(index, at, null, null, null, null, null, null, null, false, 0, null, List.of(), List.of());
        }
        switch (InjectType.valueOf(type)) {
            case MENTION -> {
                known(node, path, "at", "type", "ref", "actor", "platform", "lang", "text", "metrics", "noise");
                String ref = string(node, path, "ref", false);
                String actor = actorRef(node, path, "actor", actorIds);
                Inject inject = new Inject(index, at, InjectType.MENTION, ref, actor,
                        enumeration(node, path, "platform", PLATFORMS, true), enumeration(node, path, "lang", LANGUAGES, true),
                        postText(node, path, "text"), metrics(node, path, false), bool(node, path, "noise", false), 1, null,
                        List.of(), List.of());
                if (ref != null && mentionsByRef.putIfAbsent(ref, inject) != null) {
                    error(path + ".ref", "is already the ref of another MENTION: \"" + ref + "\"",
                            "est déjà le ref d’un autre MENTION : « " + ref + " »");
                }
                return inject;
            }
            case BURST -> {
                known(node, path, "at", "type", "count", "over", "actors", "platform", "lang", "variants", "metrics", "noise");
                int count = (int) number(node, path, "count", true, 1, MAX_BURST);
                Duration over = duration(node, path, "over", true);
                List<String> actors = strings(node, path, "actors");
                if (actors.isEmpty()) {
                    error(path + ".actors", "needs at least one actor", "demande au moins un acteur");
                }
                for (int i = 0; i < actors.size(); i++) {
                    if (!actorIds.contains(actors.get(i))) {
                        unknownActor(path + ".actors[" + i + "]", actors.get(i));
                    }
                }
                List<String> variants = strings(node, path, "variants");
                if (variants.isEmpty()) {
                    error(path + ".variants", "needs at least one text", "demande au moins un texte");
                }
                for (int i = 0; i < variants.size(); i++) {
                    if (variants.get(i).length() > MAX_TEXT) {
                        error(path + ".variants[" + i + "]", "is longer than " + MAX_TEXT + " characters", "dépasse " + MAX_TEXT + " caractères");
                    }
                }
                return new Inject(index, at, InjectType.BURST, null, null, enumeration(node, path, "platform", PLATFORMS, true),
                        enumeration(node, path, "lang", LANGUAGES, true), null, metrics(node, path, false),
                        bool(node, path, "noise", false), count, over, actors, variants);
            }
            case METRICS -> {
                known(node, path, "at", "type", "ref", "metrics");
                String ref = string(node, path, "ref", true);
                return new Inject(index, at, InjectType.METRICS, ref, null, null, null, null, metrics(node, path, true),
                        false, 0, null, List.of(), List.of());
            }
            default -> throw new IllegalStateException(type);
        }
    }

    private Expectations expectations(JsonNode root, Set<String> actorIds, Set<String> hoaxIds, Set<String> watchlistIds,
            Map<String, Inject> mentionsByRef, List<Inject> injects) {
        JsonNode node = root.get("expectations");
        if (node == null || node.isNull()) {
            missing("", "expectations");
            return null;
        }
        if (!node.isObject()) {
            error("expectations", "must be a mapping (alerts, decision, deadlines)", "doit être un dictionnaire (alerts, decision, deadlines)");
            return null;
        }
        known(node, "expectations", "alerts", "decision", "deadlines");
        List<ExpectedAlert> alerts = new ArrayList<>();
        each(node, "expectations", "alerts", false, (alert, path) -> {
            known(alert, path, "rule", "hoax", "watchlist", "actor", "ref", "by");
            String rule = enumeration(alert, path, "rule", RULES, true);
            Duration by = duration(alert, path, "by", true);
            String hoax = null;
            String watchlist = null;
            String actor = null;
            String ref = null;
            if (rule != null) {
                switch (rule) {
                    case "HOAX" -> {
                        only(alert, path, "hoax", "rule", "hoax", "by");
                        hoax = string(alert, path, "hoax", true);
                        if (hoax != null && !hoaxIds.contains(hoax)) {
                            error(path + ".hoax", "names no hoax of this scenario: \"" + hoax + "\"",
                                    "ne désigne aucune fausse information de ce scénario : « " + hoax + " »");
                        }
                    }
                    case "KEYWORD", "SPIKE" -> {
                        only(alert, path, "watchlist", "rule", "watchlist", "by");
                        watchlist = string(alert, path, "watchlist", true);
                        if (watchlist != null && !watchlistIds.contains(watchlist)) {
                            error(path + ".watchlist", "names no watchlist of this scenario: \"" + watchlist + "\"",
                                    "ne désigne aucune liste de veille de ce scénario : « " + watchlist + " »");
                        }
                    }
                    case "IMPERSONATION" -> {
                        only(alert, path, "actor", "rule", "actor", "by");
                        actor = actorRef(alert, path, "actor", actorIds);
                    }
                    case "REACH" -> {
                        only(alert, path, "ref", "rule", "ref", "by");
                        ref = string(alert, path, "ref", true);
                        if (ref != null && !mentionsByRef.containsKey(ref)) {
                            error(path + ".ref", "names no MENTION inject: \"" + ref + "\"",
                                    "ne désigne aucun inject MENTION : « " + ref + " »");
                        } else if (ref != null) {
                            String r = ref;
                            boolean viral = injects.stream().anyMatch(i -> i != null && i.type() == InjectType.METRICS && r.equals(i.ref()));
                            if (!viral) {
                                error(path + ".ref", "no METRICS inject makes \"" + ref + "\" go viral",
                                        "aucun inject METRICS ne rend « " + ref + " » viral");
                            }
                        }
                    }
                    default -> throw new IllegalStateException(rule);
                }
            }
            alerts.add(new ExpectedAlert(rule, hoax, watchlist, actor, ref, by));
        });
        String decision = enumeration(node, "expectations", "decision", DECISIONS, true);
        Deadlines deadlines = new Deadlines(null, null, null, null);
        JsonNode d = node.get("deadlines");
        if (d != null && !d.isNull()) {
            if (!d.isObject()) {
                error("expectations.deadlines", "must be a mapping (acknowledge, responsePlan, approval, publication)",
                        "doit être un dictionnaire (acknowledge, responsePlan, approval, publication)");
            } else {
                String path = "expectations.deadlines";
                known(d, path, "acknowledge", "responsePlan", "approval", "publication");
                deadlines = new Deadlines(duration(d, path, "acknowledge", false), duration(d, path, "responsePlan", false),
                        duration(d, path, "approval", false), duration(d, path, "publication", false));
            }
        }
        return new Expectations(List.copyOf(alerts), decision, deadlines);
    }

    // --- field readers: each answers null (or a default) after recording a problem -------------------------------

    private interface Item {
        void read(JsonNode node, String path);
    }

    private void each(JsonNode parent, String parentPath, String field, boolean required, Item item) {
        String path = join(parentPath, field);
        JsonNode list = parent.get(field);
        if (list == null || list.isNull()) {
            if (required) {
                missing(parentPath, field);
            }
            return;
        }
        if (!list.isArray()) {
            error(path, "must be a list", "doit être une liste");
            return;
        }
        if (required && list.isEmpty()) {
            error(path, "must not be empty", "ne doit pas être vide");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String itemPath = path + "[" + i + "]";
            if (!node.isObject()) {
                error(itemPath, "must be a mapping", "doit être un dictionnaire");
                continue;
            }
            item.read(node, itemPath);
        }
    }

    private void known(JsonNode node, String path, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(join(path, name), "is not a known field here (expected one of " + String.join(", ", fields) + ")",
                        "n’est pas un champ connu ici (attendu : " + String.join(", ", fields) + ")");
            }
        }
    }

    /** Fields an expectation of this rule may not carry (a HOAX expectation naming a watchlist is a mistake). */
    private void only(JsonNode node, String path, String subject, String... allowed) {
        Set<String> fields = Set.of(allowed);
        for (String other : List.of("hoax", "watchlist", "actor", "ref")) {
            if (!fields.contains(other) && node.has(other)) {
                error(path + "." + other, "does not apply to this rule (it names its subject with " + subject + ")",
                        "ne s’applique pas à cette règle (elle désigne son sujet par " + subject + ")");
            }
        }
    }

    private String uniqueId(JsonNode node, String path, Set<String> seen) {
        String id = string(node, path, "id", true);
        if (id == null) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            error(path + ".id", "must use only a-z, 0-9 and '-'", "ne doit contenir que a-z, 0-9 et « - »");
        }
        if (!seen.add(id)) {
            error(path + ".id", "duplicate id \"" + id + "\"", "id en double « " + id + " »");
        }
        return id;
    }

    private String actorRef(JsonNode node, String path, String field, Set<String> actorIds) {
        String actor = string(node, path, field, true);
        if (actor != null && !actorIds.contains(actor)) {
            unknownActor(join(path, field), actor);
        }
        return actor;
    }

    private void unknownActor(String path, String actor) {
        error(path, "names no actor of this scenario: \"" + actor + "\"", "ne désigne aucun acteur de ce scénario : « " + actor + " »");
    }

    private String string(JsonNode parent, String parentPath, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                missing(parentPath, field);
            }
            return null;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            error(join(parentPath, field), "must be a non-empty text", "doit être un texte non vide");
            return null;
        }
        return node.asText().strip();
    }

    private String postText(JsonNode parent, String parentPath, String field) {
        String text = string(parent, parentPath, field, true);
        if (text != null && text.length() > MAX_TEXT) {
            error(join(parentPath, field), "is longer than " + MAX_TEXT + " characters", "dépasse " + MAX_TEXT + " caractères");
        }
        return text;
    }

    private List<String> strings(JsonNode parent, String parentPath, String field) {
        JsonNode node = parent.get(field);
        String path = join(parentPath, field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            error(path, "must be a list of texts", "doit être une liste de textes");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                error(path + "[" + i + "]", "must be a non-empty text", "doit être un texte non vide");
            } else {
                values.add(value.asText().strip());
            }
        }
        return List.copyOf(values);
    }

    private Text text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            missing("", field);
            return null;
        }
        if (!node.isObject()) {
            error(field, "must give the text in French and English: {fr: \"...\", en: \"...\"}",
                    "doit donner le texte en français et en anglais : {fr: \"...\", en: \"...\"}");
            return null;
        }
        known(node, field, "fr", "en");
        return new Text(string(node, field, "fr", true), string(node, field, "en", true));
    }

    private String enumeration(JsonNode parent, String parentPath, String field, List<String> allowed, boolean required) {
        JsonNode node = parent.get(field);
        String value;
        if (node != null && node.isBoolean()) {
            // YAML reads a bare FALSE (a verdict) as a boolean
            value = node.asBoolean() ? "TRUE" : "FALSE";
        } else {
            value = string(parent, parentPath, field, required);
        }
        if (value == null) {
            return null;
        }
        if (!allowed.contains(value)) {
            error(join(parentPath, field), "\"" + value + "\" is not one of " + String.join(", ", allowed),
                    "« " + value + " » n’est pas l’une des valeurs " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    private Duration duration(JsonNode parent, String parentPath, String field, boolean required) {
        String value = string(parent, parentPath, field, required);
        if (value == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative()) {
                error(join(parentPath, field), "must not be negative: \"" + value + "\"", "ne doit pas être négative : « " + value + " »");
                return null;
            }
            if (duration.compareTo(Duration.ofDays(7)) > 0) {
                error(join(parentPath, field), "is longer than a week: \"" + value + "\"", "dépasse une semaine : « " + value + " »");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            error(join(parentPath, field), "\"" + value + "\" is not an ISO-8601 duration (such as PT2M or PT1H30M)",
                    "« " + value + " » n’est pas une durée ISO-8601 (comme PT2M ou PT1H30M)");
            return null;
        }
    }

    private Instant instant(JsonNode parent, String parentPath, String field) {
        String value = string(parent, parentPath, field, true);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            error(join(parentPath, field), "\"" + value + "\" is not an instant such as 2021-03-04T00:00:00Z",
                    "« " + value + " » n’est pas un instant comme 2021-03-04T00:00:00Z");
            return null;
        }
    }

    private long number(JsonNode parent, String parentPath, String field, boolean required, long min, long max) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                missing(parentPath, field);
            }
            return min;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            error(join(parentPath, field), "must be a whole number from " + min + " to " + max,
                    "doit être un nombre entier de " + min + " à " + max);
            return min;
        }
        return node.asLong();
    }

    private boolean bool(JsonNode parent, String parentPath, String field, boolean fallback) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            error(join(parentPath, field), "must be true or false", "doit valoir true ou false");
            return fallback;
        }
        return node.asBoolean();
    }

    private Metrics metrics(JsonNode parent, String parentPath, boolean required) {
        JsonNode node = parent.get("metrics");
        String path = join(parentPath, "metrics");
        if (node == null || node.isNull()) {
            if (required) {
                missing(parentPath, "metrics");
            }
            return null;
        }
        if (!node.isObject()) {
            error(path, "must be a mapping {likes, shares, comments, views}", "doit être un dictionnaire {likes, shares, comments, views}");
            return null;
        }
        known(node, path, "likes", "shares", "comments", "views");
        return new Metrics(number(node, path, "likes", false, 0, Long.MAX_VALUE / 4),
                number(node, path, "shares", false, 0, Long.MAX_VALUE / 4),
                number(node, path, "comments", false, 0, Long.MAX_VALUE / 4),
                number(node, path, "views", false, 0, Long.MAX_VALUE / 4));
    }

    private void missing(String parentPath, String field) {
        error(join(parentPath, field), "is required", "est obligatoire");
    }

    private void error(String path, String en, String fr) {
        errors.add(new ScenarioError(file, path, en, fr));
    }

    private static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }
}
