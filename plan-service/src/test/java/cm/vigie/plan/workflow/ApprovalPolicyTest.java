package cm.vigie.plan.workflow;

import static cm.vigie.plan.PlanTestSupport.action;
import static cm.vigie.plan.PlanTestSupport.idFrom;
import static cm.vigie.plan.PlanTestSupport.post;
import static cm.vigie.plan.PlanTestSupport.read;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestTokens;
import cm.vigie.plan.PlanTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Runs in institution mincom, whose policy it changes; minsante keeps the defaults the other tests rely on. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(PlanTestResource.class)
class ApprovalPolicyTest {

    static final String POLICY = "/api/plans/approval-policy";
    static final String PLANS = "/api/plans/communication-plans";
    static final String ADMIN = TestTokens.bearer("mincom", "dircom", "institution-admin");
    static final String CM = TestTokens.bearer("mincom", "redacteur", "community-manager");
    static final String ANALYST = TestTokens.bearer("mincom", "analyste", "analyst");
    static final String APPROVER_A = TestTokens.bearer("mincom", "sg", "approver");
    static final String APPROVER_B = TestTokens.bearer("mincom", "ministre", "approver");

    static String policy(int approvals, String roles) {
        return """
                {"approvalsNeeded":%d,"approverRoles":[%s],"deadlineCriticalHours":1,"deadlineHighHours":4,
                 "deadlineMediumHours":12,"deadlineLowHours":48,"escalationMinutes":15,"publicationGapMinutes":60}"""
                .formatted(approvals, roles);
    }

    String submittedPlan(String title) {
        String id = idFrom(post(CM, PLANS, """
                {"title":"%s","periodStart":"2027-05-01","periodEnd":"2027-05-31"}""".formatted(title)));
        action(CM, PLANS + "/" + id + "/submit", null).then().statusCode(200);
        return id;
    }

    void setPolicy(String body) {
        String etag = read(ADMIN, POLICY).header("ETag");
        var answer = given().header("Authorization", ADMIN).contentType(ContentType.JSON);
        if (read(ADMIN, POLICY).<Boolean>path("customised")) {
            answer = answer.header("If-Match", etag);
        }
        answer.body(body).put(POLICY).then().statusCode(200);
    }

    @Test
    void policyIsSetByTheInstitutionAdminAndValidated() {
        read(ANALYST, POLICY).then().statusCode(200).header("ETag", containsString("\""));
        given().header("Authorization", ANALYST).contentType(ContentType.JSON).body(policy(2, "\"approver\""))
                .put(POLICY).then().statusCode(403);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(policy(6, "\"approver\""))
                .put(POLICY).then().statusCode(400).body("errors[0].field", equalTo("approvalsNeeded"));
        given().header("Authorization", ADMIN).header("Accept-Language", "fr").contentType(ContentType.JSON)
                .body(policy(2, "\"viewer\"")).put(POLICY).then().statusCode(400)
                .body("errors[0].message", containsString("doit être approver"));
        setPolicy(policy(2, "\"approver\",\"institution-admin\""));
        read(CM, POLICY).then().body("approvalsNeeded", equalTo(2)).body("customised", equalTo(true))
                .body("deadlineCriticalHours", equalTo(1));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(policy(2, "\"approver\""))
                .put(POLICY).then().statusCode(428);
        given().header("Authorization", ADMIN).header("If-Match", "\"99\"").contentType(ContentType.JSON)
                .body(policy(2, "\"approver\"")).put(POLICY).then().statusCode(412);
        // minsante still has the defaults
        read(cm.vigie.plan.PlanTestSupport.VIEWER, POLICY).then().body("approvalsNeeded", equalTo(1));
    }

    @Test
    void twoApprovalsNeededAndTheApproverWhoActsOnAStaleVersionLosesWith412() {
        setPolicy(policy(2, "\"approver\",\"institution-admin\""));
        String id = submittedPlan("Deux approbations");
        String etag = read(APPROVER_A, PLANS + "/" + id).header("ETag");
        given().header("Authorization", APPROVER_A).header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .post(PLANS + "/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("approvals", hasSize(1));
        given().header("Authorization", APPROVER_B).header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .post(PLANS + "/" + id + "/approve").then().statusCode(412).contentType("application/problem+json");
        String fresh = read(APPROVER_B, PLANS + "/" + id).header("ETag");
        given().header("Authorization", APPROVER_B).header("If-Match", fresh).contentType(ContentType.JSON).body("{}")
                .post(PLANS + "/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvals.by", equalTo(List.of("sg", "ministre")));
    }

    @Test
    void approversActingAtTheSameMomentCountExactlyOnceEach() throws Exception {
        setPolicy(policy(2, "\"approver\",\"institution-admin\""));
        for (int round = 0; round < 3; round++) {
            String id = submittedPlan("Course " + round);
            String etag = read(APPROVER_A, PLANS + "/" + id).header("ETag");
            List<String> tokens = List.of(APPROVER_A, APPROVER_B);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", token).header("If-Match", etag).contentType(ContentType.JSON)
                            .body("{}").post(PLANS + "/" + id + "/approve").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            pool.shutdown();
            // same version sent by both: exactly one wins, the other gets 412, and one approval is counted
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
            read(CM, PLANS + "/" + id).then().body("approvals", hasSize(1)).body("status", equalTo("IN_REVIEW"));
            List<String> actions = read(CM, PLANS + "/" + id + "/history").path("action");
            assertEquals(1, actions.stream().filter("APPROVED"::equals).count());
        }
    }

    @Test
    void onlyThePolicysRolesMayApprove() {
        setPolicy(policy(1, "\"institution-admin\""));
        String id = submittedPlan("Rôles de la politique");
        action(APPROVER_A, PLANS + "/" + id + "/approve", null).then().statusCode(403)
                .body("detail", containsString("institution-admin"));
        action(ADMIN, PLANS + "/" + id + "/approve", null).then().statusCode(200).body("status", equalTo("APPROVED"));
        setPolicy(policy(2, "\"approver\",\"institution-admin\""));
    }
}
