package cm.vigie.accounts.impersonation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {

    /** A portrait-like picture: a face-coloured ellipse on a background, with some texture. */
    private static BufferedImage picture(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval((int) (random.nextDouble() * width), (int) (random.nextDouble() * height),
                    (int) (random.nextDouble() * width / 2 + 4), (int) (random.nextDouble() * height / 2 + 4));
        }
        g.dispose();
        return image;
    }

    private static BufferedImage resized(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    @Test
    void theSamePhotoReencodedAndResizedKeepsItsHash() throws Exception {
        BufferedImage original = picture(400, 400, 7);
        long png = PerceptualHash.of(encode(original, "png"));
        long jpeg = PerceptualHash.of(encode(resized(original, 160, 160), "jpg"));
        long small = PerceptualHash.of(encode(resized(original, 24, 24), "png"));
        assertTrue(PerceptualHash.distance(png, jpeg) <= 6, "jpeg distance " + PerceptualHash.distance(png, jpeg));
        assertTrue(PerceptualHash.distance(png, small) <= 10,
                "tiny distance " + PerceptualHash.distance(png, small));
        assertEquals(png, PerceptualHash.of(encode(original, "png")), "deterministic");
    }

    @Test
    void differentPhotosAreFarApart() throws Exception {
        int close = 0;
        long first = PerceptualHash.of(encode(picture(300, 300, 1), "png"));
        for (long seed = 2; seed < 22; seed++) {
            long other = PerceptualHash.of(encode(picture(300, 300, seed), "png"));
            if (PerceptualHash.distance(first, other) <= ScoringSettings.defaults().avatarMaxDistance()) {
                close++;
            }
        }
        assertTrue(close <= 1, close + " unrelated pictures within the avatar threshold");
    }

    @Test
    void onlyPngAndJpegAreAccepted() throws Exception {
        assertThrows(InvalidImageException.class, () -> PerceptualHash.of(new byte[0]));
        assertThrows(InvalidImageException.class, () -> PerceptualHash.of(null));
        assertThrows(InvalidImageException.class, () -> PerceptualHash.of(encode(picture(40, 40, 3), "gif")));
        assertThrows(InvalidImageException.class,
                () -> PerceptualHash.of("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()));
        byte[] truncated = java.util.Arrays.copyOf(encode(picture(200, 200, 3), "png"), 60);
        assertThrows(InvalidImageException.class, () -> PerceptualHash.of(truncated));
    }

    @Test
    void hexRoundTripsAndRejectsGarbage() {
        assertEquals(0x8f3a61c2d94be705L, PerceptualHash.parseHex("8F3A61C2D94BE705"));
        assertEquals(0x8f3a61c2d94be705L, PerceptualHash.parseHex(" 0x8f3a61c2d94be705 "));
        assertEquals(0xffL, PerceptualHash.parseHex("ff"));
        assertEquals("8f3a61c2d94be705", PerceptualHash.toHex(0x8f3a61c2d94be705L));
        assertEquals("00000000000000ff", PerceptualHash.toHex(0xffL));
        for (String bad : new String[] {"", "0x", "xyz", "8f3a61c2d94be7051", "-1", "12 34", "+ff"}) {
            assertThrows(IllegalArgumentException.class, () -> PerceptualHash.parseHex(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PerceptualHash.parseHex(null));
        assertEquals(0, PerceptualHash.distance(5, 5));
        assertEquals(64, PerceptualHash.distance(0, -1));
    }
}
