package cm.vigie.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of a (possibly large, still growing) log file. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static List<String> lastLines(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(0, all.length - lines);
            // The first line may be cut in the middle when the window starts inside it.
            if (from == 0 && size < length && all.length > 1) {
                from = 1;
            }
            return Arrays.asList(all).subList(from, all.length);
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** The tail formatted for an error message: a header and indented lines. */
    static String describe(Path file, int lines) {
        List<String> tail = lastLines(file, lines);
        if (tail.isEmpty()) {
            return "(log " + file + " is empty)";
        }
        StringBuilder text = new StringBuilder("last lines of ").append(file).append(':');
        for (String line : tail) {
            text.append(System.lineSeparator()).append("    | ").append(line);
        }
        return text.toString();
    }
}
