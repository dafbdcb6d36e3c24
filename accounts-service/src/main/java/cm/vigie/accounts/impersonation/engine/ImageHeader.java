package cm.vigie.accounts.impersonation.engine;

import java.util.Optional;

/**
 * The pixel size an image declares in its header, read without decoding it: PNG (IHDR), JPEG (first SOFn frame
 * header), GIF (logical screen), BMP (info header) and WebP (VP8, VP8L, VP8X). A decoder allocates its raster from
 * these figures, so an upload of a few kilobytes can ask for gigabytes; the caller refuses it before decoding.
 */
public final class ImageHeader {

    /** Width and height in pixels. */
    public record Size(long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    private ImageHeader() {
    }

    /** The declared size, or empty when the bytes are no image of a known kind or their header is cut short. */
    public static Optional<Size> size(byte[] b) {
        if (b == null) {
            return Optional.empty();
        }
        try {
            if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                // the first chunk must be IHDR: length(4) "IHDR" width(4) height(4)
                return startsWith(b, 12, 'I', 'H', 'D', 'R') ? Optional.of(new Size(u32be(b, 16), u32be(b, 20)))
                        : Optional.empty();
            }
            if (startsWith(b, 0, 0xFF, 0xD8)) {
                return jpeg(b);
            }
            if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
                return Optional.of(new Size(u16le(b, 6), u16le(b, 8)));
            }
            if (startsWith(b, 0, 'B', 'M')) {
                long width = Math.abs((long) (int) u32le(b, 18));
                long height = Math.abs((long) (int) u32le(b, 22)); // negative for top-down bitmaps
                return Optional.of(new Size(width, height));
            }
            if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
                return webp(b);
            }
        } catch (ArrayIndexOutOfBoundsException cutShort) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Walks the marker segments up to the first frame header (SOF0..SOF15 except DHT, JPG and DAC). */
    private static Optional<Size> jpeg(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            int length = u16be(b, i + 2);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return Optional.of(new Size(u16be(b, i + 7), u16be(b, i + 5)));
            }
            if (marker == 0xD9 || marker == 0xDA || length < 2) {
                return Optional.empty(); // image data or end before any frame header
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<Size> webp(byte[] b) {
        if (startsWith(b, 12, 'V', 'P', '8', 'X')) {
            return Optional.of(new Size(1 + u24le(b, 24), 1 + u24le(b, 27)));
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'L')) {
            long bits = u32le(b, 21);
            return Optional.of(new Size(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)));
        }
        if (startsWith(b, 12, 'V', 'P', '8', ' ')) {
            return Optional.of(new Size(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF));
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static long u32be(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int i) {
        return ((long) (b[i + 3] & 0xFF) << 24) | ((b[i + 2] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF);
    }

    private static int u16be(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int i) {
        return ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF);
    }

    private static long u24le(byte[] b, int i) {
        return ((b[i + 2] & 0xFF) << 16) | ((b[i + 1] & 0xFF) << 8) | (b[i] & 0xFF);
    }
}
