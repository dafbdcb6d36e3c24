package cm.vigie.plan.communication;

import static cm.vigie.plan.PlanTestSupport.ADMIN;
import static cm.vigie.plan.PlanTestSupport.ANALYST;
import static cm.vigie.plan.PlanTestSupport.APPROVER;
import static cm.vigie.plan.PlanTestSupport.APPROVER2;
import static cm.vigie.plan.PlanTestSupport.CM;
import static cm.vigie.plan.PlanTestSupport.MINCOM_CM;
import static cm.vigie.plan.PlanTestSupport.VIEWER;
import static cm.vigie.plan.PlanTestSupport.action;
import static cm.vigie.plan.PlanTestSupport.idFrom;
import static cm.vigie.plan.PlanTestSupport.officialAccount;
import static cm.vigie.plan.PlanTestSupport.post;
import static cm.vigie.plan.PlanTestSupport.read;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class CommunicationPlanWorkflowTest {

    static final String PATH = "/api/plans/communication-plans";

    static String minimal(String title) {
        return """
                {"title":"%s","periodStart":"2027-01-10","periodEnd":"2027-03-31"}""".formatted(title);
    }

    static String create(String token, String body) {
        var created = post(token, PATH, body);
        created.then().statusCode(201).header("ETag", "\"0\"").body("status", equalTo("DRAFT"));
        return idFrom(created);
    }

    @Test
    void minimalPlanIsADraftWithVersionAndNoApprovals() {
        given().header("Authorization", CM).contentType(ContentType.JSON).body(minimal("Rentrée scolaire"))
                .post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("status", equalTo("DRAFT"))
                .body("approvals", empty())
                .body("version", equalTo(0))
                .body("revision", equalTo(1))
                .body("owner", equalTo("cm"))
                .body("createdBy", equalTo("cm"));
    }

    @Test
    void fullPlanIsStoredWithObjectiveIdsAndCheckedChannels() {
        UUID channel = officialAccount();
        String body = """
                {"title":"Vaccination HPV","periodStart":"2027-01-10","periodEnd":"2027-03-31",
                 "situationAnalysis":"Rumeurs de stérilité",
                 "objectives":[{"statement":"Moins de négatif","kpi":{"type":"NEGATIVE_SHARE","watchlistId":"%s","baseline":42,"target":25,"direction":"DECREASE"}}],
                 "audiences":[{"name":"Parents","description":"Zones rurales","channels":["WHATSAPP"]}],
                 "keyMessages":[{"fr":"Le vaccin est sûr.","en":"The vaccine is safe."}],
                 "channels":["%s"],"owner":"chef-com"}""".formatted(UUID.randomUUID(), channel);
        String id = create(CM, body);
        read(VIEWER, PATH + "/" + id).then().statusCode(200)
                .body("objectives[0].id", notNullValue())
                .body("objectives[0].kpi.type", equalTo("NEGATIVE_SHARE"))
                .body("audiences[0].channels", hasItem("WHATSAPP"))
                .body("keyMessages[0].en", equalTo("The vaccine is safe."))
                .body("channels", hasItem(channel.toString()))
                .body("owner", equalTo("chef-com"));
        // the caller's own token went to accounts-service
        PlanTestResource.stubs().verify(getRequestedFor(urlEqualTo("/api/accounts/official/" + channel))
                .withHeader("Authorization", equalToBearer()));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToBearer() {
        return matching("Bearer " + CM.substring("Bearer ".length()).replace(".", "\\."));
    }

    @Test
    void unknownChannelAnswers422AndStoresNothing() {
        UUID unknown = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlEqualTo("/api/accounts/official/" + unknown))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json").withBody("{}")));
        String title = "Canal inconnu " + UUID.randomUUID();
        given().header("Authorization", CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("""
                        {"title":"%s","periodStart":"2027-01-10","periodEnd":"2027-03-31","channels":["%s","%s"]}"""
                        .formatted(title, officialAccount(), unknown))
                .post(PATH).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("channels[1]"))
                .body("errors[0].message", containsString("compte officiel"));
        read(CM, PATH + "?q=" + title).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void accountsServiceFailingAnswers503() {
        UUID channel = UUID.randomUUID();
        PlanTestResource.stubs().stubFor(get(urlEqualTo("/api/accounts/official/" + channel))
                .willReturn(aResponse().withStatus(500)));
        post(CM, PATH, """
                {"title":"x","periodStart":"2027-01-10","periodEnd":"2027-03-31","channels":["%s"]}""".formatted(channel))
                .then().statusCode(503).body("detail", containsString("accounts-service answered 500"));
    }

    @Test
    void invalidPlansAnswer400InTheCallersLanguage() {
        given().header("Authorization", CM).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("""
                        {"title":"x","periodStart":"2027-03-10","periodEnd":"2027-01-31"}""")
                .post(PATH).then().statusCode(400).body("errors.message", hasItem(containsString("ne doit pas précéder")));
        post(CM, PATH, "{\"periodStart\":\"2027-03-10\"}").then().statusCode(400)
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("periodEnd"));
        post(CM, PATH, """
                {"title":"x","periodStart":"2027-01-10","periodEnd":"2027-03-31","objectives":[{"statement":"s","kpi":{"type":"MENTION_VOLUME","direction":"INCREASE"}}]}""")
                .then().statusCode(400).body("errors[0].field", equalTo("objectives[0].kpi.watchlistId"));
    }

    @Test
    void submitApproveActivateThenEditStartsARevisionToApproveAgain() {
        String id = create(CM, minimal("Plan annuel"));
        action(CM, PATH + "/" + id + "/submit", "prêt").then().statusCode(200).body("status", equalTo("IN_REVIEW"))
                .header("ETag", "\"1\"");
        action(APPROVER, PATH + "/" + id + "/approve", "OK pour moi").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvals", hasSize(1))
                .body("approvals[0].by", equalTo("approver"))
                .body("approvals[0].comment", equalTo("OK pour moi"))
                .body("approvals[0].at", notNullValue());
        action(CM, PATH + "/" + id + "/activate", null).then().statusCode(200).body("status", equalTo("ACTIVE"));

        String etag = read(CM, PATH + "/" + id).header("ETag");
        given().header("Authorization", CM).header("If-Match", etag).contentType(ContentType.JSON)
                .body(minimal("Plan annuel révisé")).put(PATH + "/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("revision", equalTo(2))
                .body("approvals", empty());

        read(VIEWER, PATH + "/" + id + "/revisions").then().statusCode(200)
                .body("number", equalTo(List.of(1, 2)))
                .body("[0].status", equalTo("ACTIVE"))
                .body("[0].approvals[0].by", equalTo("approver"))
                .body("[0].content.title", equalTo("Plan annuel"))
                .body("[1].status", equalTo("DRAFT"));
        read(VIEWER, PATH + "/" + id + "/revisions/2").then().statusCode(200).body("content.title", equalTo("Plan annuel révisé"));
        read(VIEWER, PATH + "/" + id + "/revisions/3").then().statusCode(404);
        read(ANALYST, PATH + "/" + id + "/revisions/diff?from=1&to=2").then().statusCode(200)
                .body("changes", hasSize(1))
                .body("changes[0].path", equalTo("/title"))
                .body("changes[0].kind", equalTo("CHANGED"))
                .body("changes[0].before", equalTo("Plan annuel"))
                .body("changes[0].after", equalTo("Plan annuel révisé"));
        read(ANALYST, PATH + "/" + id + "/revisions/diff?from=1").then().statusCode(400);

        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200);
        action(APPROVER, PATH + "/" + id + "/approve", null).then().statusCode(200).body("status", equalTo("APPROVED"));
        action(CM, PATH + "/" + id + "/close", "fin de campagne").then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void forbiddenTransitionsAnswer409() {
        String id = create(CM, minimal("Transitions"));
        action(APPROVER, PATH + "/" + id + "/approve", null).then().statusCode(409).contentType("application/problem+json");
        action(CM, PATH + "/" + id + "/activate", null).then().statusCode(409);
        action(CM, PATH + "/" + id + "/close", null).then().statusCode(409);
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200);
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(409);
        String etag = read(CM, PATH + "/" + id).header("ETag");
        given().header("Authorization", CM).header("If-Match", etag).contentType(ContentType.JSON)
                .body(minimal("En revue")).put(PATH + "/" + id).then().statusCode(409);
        action(APPROVER, PATH + "/" + id + "/approve", null).then().statusCode(200);
        action(APPROVER2, PATH + "/" + id + "/approve", null).then().statusCode(409);
    }

    @Test
    void theCommentIsOptionalAndSoIsTheBody() {
        String id = create(CM, minimal("Sans corps"));
        given().header("Authorization", CM).contentType(ContentType.JSON).post(PATH + "/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"));
        given().header("Authorization", APPROVER).contentType(ContentType.JSON).post(PATH + "/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("approvals[0].comment", nullValue());
    }

    @Test
    void rejectionNeedsAReasonAndSendsThePlanBackToDraft() {
        String id = create(CM, minimal("À rejeter"));
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200);
        action(APPROVER, PATH + "/" + id + "/reject", null).then().statusCode(400).body("errors[0].field", equalTo("comment"));
        action(APPROVER, PATH + "/" + id + "/reject", "Trop défensif").then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("rejection.by", equalTo("approver"))
                .body("rejection.reason", equalTo("Trop défensif"));
        action(CM, PATH + "/" + id + "/submit", "corrigé").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void fourEyesTheAuthorNeverApprovesTheirOwnPlan() {
        String id = create(ADMIN, minimal("Quatre yeux"));
        action(ADMIN, PATH + "/" + id + "/submit", null).then().statusCode(200);
        given().header("Authorization", ADMIN).header("Accept-Language", "en").contentType(ContentType.JSON).body("{}")
                .post(PATH + "/" + id + "/approve").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("Four-eyes"));
        action(ADMIN, PATH + "/" + id + "/reject", "non").then().statusCode(403);
        read(CM, PATH + "/" + id).then().body("status", equalTo("IN_REVIEW")).body("approvals", empty());
    }

    @Test
    void rolesOutsideThePolicyCannotApproveAndReadersCannotWrite() {
        String id = create(CM, minimal("Rôles"));
        action(CM, PATH + "/" + id + "/submit", null).then().statusCode(200);
        given().header("Authorization", PlanTestSupportTokens.CM2).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body("{}").post(PATH + "/" + id + "/approve").then().statusCode(403)
                .body("detail", containsString("approver"));
        action(VIEWER, PATH + "/" + id + "/approve", null).then().statusCode(403);
        post(ANALYST, PATH, minimal("x")).then().statusCode(403);
        post(VIEWER, PATH, minimal("x")).then().statusCode(403);
    }

    @Test
    void anotherInstitutionGetsTheSame404AsForAMissingId() {
        String id = create(CM, minimal("Confidentiel"));
        read(MINCOM_CM, PATH + "/" + id).then().statusCode(404);
        read(MINCOM_CM, PATH + "/" + id + "/history").then().statusCode(404);
        read(MINCOM_CM, PATH + "/" + id + "/revisions").then().statusCode(404);
        action(MINCOM_CM, PATH + "/" + id + "/submit", null).then().statusCode(404);
        read(MINCOM_CM, PATH + "?q=Confidentiel").then().statusCode(200).body("total", equalTo(0));
        read(CM, PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void ifMatchIsCheckedOnEditsAndTransitions() {
        String id = create(CM, minimal("Concurrence"));
        given().header("Authorization", CM).contentType(ContentType.JSON).body(minimal("sans If-Match")).put(PATH + "/" + id)
                .then().statusCode(428);
        given().header("Authorization", CM).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(minimal("vieux"))
                .put(PATH + "/" + id).then().statusCode(412);
        given().header("Authorization", CM).header("If-Match", "\"7\"").contentType(ContentType.JSON).body("{}")
                .post(PATH + "/" + id + "/submit").then().statusCode(412);
        read(CM, PATH + "/" + id).then().body("status", equalTo("DRAFT")).body("title", equalTo("Concurrence"));
    }

    @Test
    void historyShowsWhoDidWhatWithContentBeforeAndAfterEdits() {
        String id = create(CM, minimal("Historique"));
        given().header("Authorization", CM).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(minimal("Historique v2")).put(PATH + "/" + id).then().statusCode(200);
        action(CM, PATH + "/" + id + "/submit", "à valider").then().statusCode(200);
        action(APPROVER, PATH + "/" + id + "/approve", "validé").then().statusCode(200);
        read(VIEWER, PATH + "/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("CREATED", "EDITED", "SUBMITTED", "APPROVED")))
                .body("actor", equalTo(List.of("cm", "cm", "cm", "approver")))
                .body("[0].after.title", equalTo("Historique"))
                .body("[1].before.title", equalTo("Historique"))
                .body("[1].after.title", equalTo("Historique v2"))
                .body("[2].fromStatus", equalTo("DRAFT"))
                .body("[2].toStatus", equalTo("IN_REVIEW"))
                .body("[2].comment", equalTo("à valider"))
                .body("[3].toStatus", equalTo("APPROVED"))
                .body("[3].comment", equalTo("validé"))
                .body("[3].before", nullValue());
    }

    /** Tokens not worth a constant in PlanTestSupport's first screen. */
    static final class PlanTestSupportTokens {
        static final String CM2 = cm.vigie.plan.PlanTestSupport.CM2;
    }
}
