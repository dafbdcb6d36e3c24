package cm.vigie.benchmarks.soak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live objects per class, as {@code jcmd <pid> GC.class_histogram} prints them after its full GC. Two of them, taken
 * before and after the soak, tell heap growth from a leak (one class growing with the number of operations) apart
 * from caches settling (bounded growth spread over many classes).
 */
record ClassHistogram(Map<String, Long> bytesByClass, Map<String, Long> instancesByClass) {

    /** One class's growth between two histograms. */
    record Growth(String className, long bytes, long instances) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+,12d B %+,10d objects  %s", bytes, instances, className);
        }
    }

    /** Parses lines such as {@code    1:   12345   678900  java.lang.String (java.base@25)}. */
    static ClassHistogram parse(String jcmdOutput) {
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Long> instances = new HashMap<>();
        for (String line : jcmdOutput.split("\n")) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length < 4 || !columns[0].endsWith(":") || !isNumber(columns[1]) || !isNumber(columns[2])) {
                continue;
            }
            String className = columns[3];
            bytes.merge(className, Long.parseLong(columns[2]), Long::sum);
            instances.merge(className, Long.parseLong(columns[1]), Long::sum);
        }
        if (bytes.isEmpty()) {
            throw new IllegalArgumentException("no class line in: " + jcmdOutput.lines().limit(5).toList());
        }
        return new ClassHistogram(Map.copyOf(bytes), Map.copyOf(instances));
    }

    /** The {@code limit} classes whose live bytes grew most from {@code before} to this histogram. */
    List<Growth> largestGrowthSince(ClassHistogram before, int limit) {
        List<Growth> growth = new ArrayList<>();
        for (Map.Entry<String, Long> entry : bytesByClass.entrySet()) {
            String className = entry.getKey();
            long bytes = entry.getValue() - before.bytesByClass.getOrDefault(className, 0L);
            long count = instancesByClass.get(className) - before.instancesByClass.getOrDefault(className, 0L);
            growth.add(new Growth(className, bytes, count));
        }
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        return List.copyOf(growth.subList(0, Math.min(limit, growth.size())));
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }
}
