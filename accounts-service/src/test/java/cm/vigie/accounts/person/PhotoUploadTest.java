package cm.vigie.accounts.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cm.vigie.accounts.AccountsTestSupport;
import cm.vigie.accounts.impersonation.engine.PerceptualHash;
import cm.vigie.accounts.impersonation.engine.PngBomb;
import cm.vigie.commons.testing.PostgresTestResource;
import cm.vigie.commons.testing.TestIdentityProviderResource;
import cm.vigie.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TestIdentityProviderResource.class)
class PhotoUploadTest {

    static final String CM = TestTokens.bearer("minsante", "cm", "community-manager");
    static final String VIEWER = TestTokens.bearer("minsante", "viewer", "viewer");
    static final String OTHER = TestTokens.bearer("mincom", "cm", "community-manager");

    @BeforeEach
    void institutions() {
        AccountsTestSupport.ensureInstitution("minsante");
        AccountsTestSupport.ensureInstitution("mincom");
    }

    static byte[] portrait(String format) throws IOException {
        BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, 120, 160);
        g.setColor(new Color(230, 190, 150));
        g.fillOval(30, 20, 60, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static String person(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body("{\"fullName\":\"Photo Person\"}")
                .post("/api/accounts/persons").then().statusCode(201).extract().path("id");
    }

    @Test
    void anUploadedPngOrJpegBecomesItsPerceptualHashOnce() throws Exception {
        String id = person(CM);
        byte[] png = portrait("png");
        String expected = PerceptualHash.toHex(PerceptualHash.of(png));
        given().header("Authorization", CM).contentType("image/png").body(png).post("/api/accounts/persons/" + id + "/photos")
                .then().statusCode(200).header("ETag", "\"1\"").body("photoHashes", contains(expected));
        given().header("Authorization", CM).contentType("image/png").body(png).post("/api/accounts/persons/" + id + "/photos")
                .then().statusCode(200).body("photoHashes", hasSize(1));
        byte[] jpeg = portrait("jpg");
        List<String> hashes = given().header("Authorization", CM).header("If-Match", "\"1\"").contentType("image/jpeg").body(jpeg)
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(200).extract().path("photoHashes");
        // re-encoding the same picture keeps the hash close
        assertEquals(true, PerceptualHash.distance(PerceptualHash.parseHex(hashes.get(0)),
                PerceptualHash.parseHex(hashes.get(hashes.size() - 1))) <= 10);
        given().header("Authorization", VIEWER).get("/api/accounts/persons/" + id + "/history").then()
                .body("action", hasItem("PERSON_PHOTO_ADDED"));
    }

    @Test
    void badUploadsAreRefusedAndChangeNothing() throws Exception {
        String id = person(CM);
        given().header("Authorization", CM).contentType("text/plain").body("https://example.org/minister.jpg")
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", CM).contentType("image/png").body("not an image at all".getBytes())
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(400).body("errors.field", hasItem("photo"));
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        new Random(7).nextBytes(big);
        big[0] = (byte) 0x89;
        big[1] = 'P';
        big[2] = 'N';
        big[3] = 'G';
        given().header("Authorization", CM).contentType("image/png").body(big)
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(413).contentType("application/problem+json");
        given().header("Authorization", CM).header("If-Match", "\"4\"").contentType("image/png").body(portrait("png"))
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(412);
        given().header("Authorization", VIEWER).contentType("image/png").body(portrait("png"))
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(403);
        given().header("Authorization", OTHER).contentType("image/png").body(portrait("png"))
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(404);
        given().header("Authorization", CM).get("/api/accounts/persons/" + id).then().body("photoHashes", hasSize(0));
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecodingAndTheServiceGoesOn() {
        String id = person(CM);
        byte[] bomb = PngBomb.of(10_000, 7_500); // 75 million RGBA pixels: 300 MB once decoded
        assertEquals(true, bomb.length < PhotoHasher.MAX_BYTES, "small enough to pass the upload limit: " + bomb.length);
        long start = System.nanoTime();
        given().header("Authorization", CM).header("Accept-Language", "fr").contentType("image/png").body(bomb)
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("10000 x 7500"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("PNG bomb of %d bytes (10000 x 7500 RGBA) refused in %d ms%n", bomb.length, tookMs);
        given().header("Authorization", CM).contentType("image/png").body(PngBomb.of(64, 64))
                .post("/api/accounts/persons/" + id + "/photos").then().statusCode(200).body("photoHashes", hasSize(1));
    }
}
