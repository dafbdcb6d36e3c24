package cm.vigie.watch.exercise;

import static cm.vigie.watch.WatchTestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.audit.AuditEvent;
import cm.vigie.commons.audit.AuditLog;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.watch.WatchTestSupport;
import cm.vigie.watch.analytics.AnalyticsRows;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class ExerciseDataTest {

    static final String SANTE_ADMIN = TestTokens.bearer("minsante", "admin-sante", "institution-admin");
    static final String COM_ADMIN = TestTokens.bearer("mincom", "admin-com", "institution-admin");
    static final String CLAIM = "Les gouttes de vitamine A distribuées dans les écoles de Garoua rendent les enfants malades";

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Test
    void anExerciseHoaxIsCarriedInItsViewAndCanNeverBeShared() {
        UUID exercise = UUID.randomUUID();
        Response created = as(WatchTestSupport.CM).body("""
                {"claims":["%s"],"verdict":"FALSE","exerciseId":"%s"}""".formatted(CLAIM, exercise)).post("/api/watch/hoaxes");
        created.then().statusCode(201).body("exerciseId", equalTo(exercise.toString())).body("shared", equalTo(false));
        String id = created.jsonPath().getString("id");

        as(WatchTestSupport.CM).header("Accept-Language", "fr").body("""
                {"claims":["%s"],"verdict":"FALSE","shared":true,"exerciseId":"%s"}""".formatted(CLAIM + " du Nord", exercise))
                .post("/api/watch/hoaxes").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("Une rumeur d'exercice ne peut jamais être partagée avec d'autres institutions."));
        as(WatchTestSupport.CM).header("If-Match", "\"0\"").body("""
                {"claims":["%s"],"verdict":"FALSE","shared":true}""".formatted(CLAIM)).put("/api/watch/hoaxes/" + id)
                .then().statusCode(422).body("detail", equalTo("An exercise hoax can never be shared with other institutions."));
        as(WatchTestSupport.CM).get("/api/watch/hoaxes/" + id).then().statusCode(200).body("shared", equalTo(false))
                .header("ETag", "\"0\"");
        // The database refuses it too, whatever the code path
        AnalyticsRows rows = new AnalyticsRows(dataSource);
        try {
            rows.update("UPDATE hoax SET shared = true WHERE id = ?::uuid", id);
            throw new AssertionError("an exercise hoax was shared");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getCause().getMessage().contains("hoax_exercise_never_shared"), expected.getCause().getMessage());
        }

        as(WatchTestSupport.VIEWER).get("/api/watch/hoaxes/shared?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        // The owner's detector knows it; another institution's does not
        as(WatchTestSupport.CM).body("{\"text\":\"" + CLAIM + "\"}").post("/api/watch/hoaxes/check").then().statusCode(200)
                .body("matches.hoaxId", hasItem(id));
        as(WatchTestSupport.OTHER_CM).body("{\"text\":\"" + CLAIM + "\"}").post("/api/watch/hoaxes/check").then().statusCode(200)
                .body("matches.hoaxId", not(hasItem(id)));
    }

    @Test
    void deletingAnExerciseRemovesOnlyItsDataInTheCallersInstitution() {
        AnalyticsRows rows = new AnalyticsRows(dataSource);
        UUID exercise = UUID.randomUUID();
        UUID real = rows.watchlist("minsante", "real", null);
        UUID drill = rows.watchlist("minsante", "drill", exercise);
        UUID otherDrill = rows.watchlist("mincom", "drill", exercise);
        Instant at = Instant.parse("2025-06-01T10:00:00Z");
        UUID realMention = rows.mention("minsante", at, (short) -1, null, real);
        UUID drillMention = rows.mention("minsante", at, (short) -1, exercise, real, drill);
        UUID otherMention = rows.mention("mincom", at, (short) 0, exercise, otherDrill);
        UUID realAlert = rows.alert("minsante", real, "HIGH", at, null, null);
        UUID drillAlert = rows.alert("minsante", drill, "HIGH", at, null, exercise);
        UUID otherAlert = rows.alert("mincom", otherDrill, "HIGH", at, null, exercise);
        for (UUID[] link : new UUID[][] { { realAlert, realMention }, { drillAlert, drillMention }, { otherAlert, otherMention } }) {
            rows.update("INSERT INTO alert_mention_set (alert_id, mention_ids) VALUES (?, ARRAY[?::uuid])", link[0], link[1]);
            rows.update("""
                    INSERT INTO alert_event (institution_id, alert_id, event_type, severity, payload, created_at)
                    SELECT institution_id, id, 'ALERT_CREATED', 'HIGH', '{}'::jsonb, now() FROM alert WHERE id = ?""", link[0]);
        }
        // A set of a real alert that (against the rules of grouping) holds an exercise mention loses that mention only
        UUID realMention2 = rows.mention("minsante", at, (short) 0, null, real);
        rows.update("INSERT INTO alert_mention_set (alert_id, mention_ids) VALUES (?, ARRAY[?::uuid, ?::uuid])", realAlert,
                drillMention, realMention2);
        String hoax = as(WatchTestSupport.CM).body("""
                {"claims":["%s"],"verdict":"FALSE","exerciseId":"%s"}""".formatted(CLAIM + " et fatigués", exercise))
                .post("/api/watch/hoaxes").then().statusCode(201).extract().jsonPath().getString("id");

        as(WatchTestSupport.CM).delete("/api/watch/exercises/" + exercise).then().statusCode(403);
        as(WatchTestSupport.ANALYST).delete("/api/watch/exercises/" + exercise).then().statusCode(403);
        as(SANTE_ADMIN).delete("/api/watch/exercises/not-a-uuid").then().statusCode(404);
        assertEquals(1, rows.count("SELECT count(*) FROM mention WHERE id = ?", drillMention));

        as(SANTE_ADMIN).delete("/api/watch/exercises/" + exercise).then().statusCode(204);

        assertEquals(0, rows.count("SELECT count(*) FROM mention WHERE institution_id = 'minsante' AND exercise_id = ?", exercise));
        assertEquals(0, rows.count("SELECT count(*) FROM mention_match WHERE mention_id = ? OR watchlist_id = ?", drillMention, drill));
        assertEquals(0, rows.count("SELECT count(*) FROM alert WHERE id = ?", drillAlert));
        assertEquals(0, rows.count("SELECT count(*) FROM alert_mention_set WHERE alert_id = ?", drillAlert));
        assertEquals(0, rows.count("SELECT count(*) FROM alert_event WHERE alert_id = ?", drillAlert));
        assertEquals(0, rows.count("SELECT count(*) FROM watchlist WHERE id = ?", drill));
        assertEquals(0, rows.count("SELECT count(*) FROM hoax WHERE id = ?::uuid", hoax));
        as(WatchTestSupport.CM).get("/api/watch/hoaxes/" + hoax).then().statusCode(404);
        // Real data and the other institution's run of the same exercise are untouched
        assertEquals(1, rows.count("SELECT count(*) FROM mention WHERE id = ?", realMention));
        assertEquals(1, rows.count("SELECT count(*) FROM mention_match WHERE mention_id = ?", realMention));
        assertEquals(1, rows.count("SELECT count(*) FROM alert_event WHERE alert_id = ?", realAlert));
        assertEquals(2, rows.count("SELECT count(*) FROM alert_mention_set WHERE alert_id = ?", realAlert));
        assertEquals(0, rows.count("SELECT count(*) FROM alert_mention_set WHERE ? = ANY (mention_ids)", drillMention));
        assertEquals(2, rows.count("""
                SELECT count(*) FROM alert_mention_set WHERE alert_id = ? AND (? = ANY (mention_ids) OR ? = ANY (mention_ids))""",
                realAlert, realMention, realMention2));
        assertEquals(1, rows.count("SELECT count(*) FROM watchlist WHERE id = ?", real));
        assertEquals(1, rows.count("SELECT count(*) FROM mention WHERE id = ?", otherMention));
        assertEquals(1, rows.count("SELECT count(*) FROM alert WHERE id = ?", otherAlert));
        assertEquals(1, rows.count("SELECT count(*) FROM alert_event WHERE alert_id = ?", otherAlert));
        assertEquals(1, rows.count("SELECT count(*) FROM watchlist WHERE id = ?", otherDrill));

        List<AuditEvent> history = audit.history("EXERCISE", exercise);
        assertEquals(1, history.size());
        assertEquals("EXERCISE_DATA_DELETED", history.get(0).action);
        assertEquals("minsante", history.get(0).institutionId);
        assertEquals("PRESENT", history.get(0).fromState);
        assertTrue(history.get(0).reason.contains("mentions=1, hoaxes=1, watchlists=1"), history.get(0).reason);
        assertTrue(history.get(0).reason.contains("alertMentions=2,"), history.get(0).reason);

        // Nothing left: still 204, audited again; the other institution deletes its own
        as(SANTE_ADMIN).delete("/api/watch/exercises/" + exercise).then().statusCode(204);
        as(COM_ADMIN).delete("/api/watch/exercises/" + exercise).then().statusCode(204);
        assertEquals(0, rows.count("SELECT count(*) FROM mention WHERE id = ?", otherMention));
        assertEquals(0, rows.count("SELECT count(*) FROM alert WHERE id = ?", otherAlert));
    }
}
