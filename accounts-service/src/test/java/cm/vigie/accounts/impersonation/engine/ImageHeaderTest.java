package cm.vigie.accounts.impersonation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    private static byte[] encoded(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void readsTheDeclaredSizeOfEachKnownKindWithoutDecoding() throws IOException {
        for (String format : new String[] { "png", "jpg", "gif", "bmp" }) {
            assertEquals(new ImageHeader.Size(123, 45), ImageHeader.size(encoded(format, 123, 45)).orElseThrow(), format);
        }
        byte[] vp8x = new byte[30];
        System.arraycopy("RIFF\0\0\0\0WEBPVP8X".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, vp8x, 0, 16);
        vp8x[24] = (byte) 0x0F; // width - 1 = 9999 (0x270F), little endian on 24 bits
        vp8x[25] = (byte) 0x27;
        vp8x[27] = (byte) 0x3F; // height - 1 = 7999 (0x1F3F)
        vp8x[28] = (byte) 0x1F;
        assertEquals(new ImageHeader.Size(10_000, 8_000), ImageHeader.size(vp8x).orElseThrow());
        assertEquals(75_000_000L, PngBomb.of(10_000, 7_500).length > 0
                ? ImageHeader.size(PngBomb.of(10_000, 7_500)).orElseThrow().pixels() : 0);
    }

    @Test
    void garbageAndCutHeadersHaveNoSize() throws IOException {
        assertTrue(ImageHeader.size("not an image".getBytes()).isEmpty());
        assertTrue(ImageHeader.size(new byte[0]).isEmpty());
        byte[] png = encoded("png", 10, 10);
        assertTrue(ImageHeader.size(Arrays.copyOf(png, 18)).isEmpty());
        byte[] jpeg = encoded("jpg", 10, 10);
        assertTrue(ImageHeader.size(Arrays.copyOf(jpeg, 40)).isEmpty());
    }
}
