package cm.vigie.accounts.impersonation.engine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * 64-bit perceptual hash of a photo (DCT "pHash"): the image is reduced to 32×32 grey levels, the 8×8 lowest
 * frequencies of its discrete cosine transform are kept, and each bit says whether a coefficient is above their
 * median. Re-encoding, resizing and mild recolouring change few bits; a different photo changes about half.
 * Compare two hashes with {@link #distance(long, long)}.
 */
public final class PerceptualHash {

    private static final int SIZE = 32;
    private static final int LOW = 8;
    private static final double[][] COS = new double[SIZE][SIZE];

    static {
        for (int u = 0; u < SIZE; u++) {
            for (int x = 0; x < SIZE; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2.0 * SIZE));
            }
        }
    }

    private PerceptualHash() {
    }

    /**
     * Hash of a PNG or JPEG image.
     *
     * @throws InvalidImageException when the bytes are empty, not PNG/JPEG, or cannot be decoded
     */
    public static long of(byte[] pngOrJpeg) throws InvalidImageException {
        if (pngOrJpeg == null || pngOrJpeg.length == 0) {
            throw new InvalidImageException("empty image");
        }
        if (!isPng(pngOrJpeg) && !isJpeg(pngOrJpeg)) {
            throw new InvalidImageException("not a PNG or JPEG image");
        }
        BufferedImage image = decode(pngOrJpeg);
        return hash(grey(image));
    }

    /** Number of differing bits, 0 (same photo) to 64. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * Reads a hash written in hexadecimal (1 to 16 digits, optional {@code 0x} prefix, any case).
     *
     * @throws IllegalArgumentException when it is not such a string
     */
    public static long parseHex(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("hash is required");
        }
        String digits = hex.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() > 16) {
            throw new IllegalArgumentException("a perceptual hash is 1 to 16 hexadecimal digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("a perceptual hash is 1 to 16 hexadecimal digits");
            }
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    /** The 16-digit lower-case hexadecimal form that {@link #parseHex(String)} reads. */
    public static String toHex(long hash) {
        return String.format("%016x", hash);
    }

    private static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static BufferedImage decode(byte[] bytes) throws InvalidImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidImageException("no decoder for this image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // Refuse decompression bombs before allocating the raster.
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > 40_000_000L) {
                    throw new InvalidImageException("image dimensions out of range");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException("image cannot be decoded", e);
        }
    }

    /** Box-filtered 32×32 luminance, so every source pixel counts whatever the size. */
    private static double[][] grey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] sum = new double[SIZE][SIZE];
        int[][] count = new int[SIZE][SIZE];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int gy = (int) ((long) y * SIZE / h);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                double luma = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                int gx = (int) ((long) x * SIZE / w);
                sum[gy][gx] += luma;
                count[gy][gx]++;
            }
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (count[y][x] > 0) {
                    sum[y][x] /= count[y][x];
                } else {
                    // Images narrower or lower than 32 px leave empty cells: sample the nearest pixel.
                    int rgb = image.getRGB(Math.min(x * w / SIZE, w - 1), Math.min(y * h / SIZE, h - 1));
                    sum[y][x] = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                }
            }
        }
        return sum;
    }

    static long hash(double[][] pixels) {
        double[] coefficients = new double[LOW * LOW];
        for (int u = 0; u < LOW; u++) {
            for (int v = 0; v < LOW; v++) {
                double s = 0;
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        s += pixels[y][x] * COS[u][y] * COS[v][x];
                    }
                }
                coefficients[u * LOW + v] = s;
            }
        }
        // The DC term (average brightness) is left out of the median, as in the usual pHash.
        double[] sorted = java.util.Arrays.copyOfRange(coefficients, 1, coefficients.length);
        java.util.Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2] + sorted[(sorted.length - 1) / 2]) / 2;
        long bits = 0;
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] > median) {
                bits |= 1L << i;
            }
        }
        return bits;
    }
}
