package cm.vigie.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code PlatformMain [command] [--flag=value | --flag value | --switch]...}; the command defaults to {@code up}.
 * A switch takes no value and is recorded as {@code "true"}.
 */
record PlatformArgs(String command, Map<String, String> flags) {

    static final Set<String> COMMANDS = Set.of("up", "status", "stop", "reset");
    static final String REPO_ROOT = "--repo-root";
    /** {@code up} without the demo exercise (see {@link DemoExercise}). */
    static final String NO_DEMO = "--no-demo";
    static final Set<String> SWITCHES = Set.of(NO_DEMO);
    /** {@code --replicas watch-service=2,gateway=2}: several instances of some services. */
    static final String REPLICAS = "--replicas";

    /** Instances per service asked by {@code --replicas} (services not named run once). */
    Map<ServiceModule, Integer> replicas() {
        String value = flags.get(REPLICAS);
        return value == null ? Map.of() : parseReplicas(value);
    }

    /** {@code watch-service=2,gateway=2} (module or short names: {@code watch=2}). */
    static Map<ServiceModule, Integer> parseReplicas(String value) {
        Map<ServiceModule, Integer> counts = new java.util.EnumMap<>(ServiceModule.class);
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(REPLICAS + " takes service=count pairs, e.g. watch-service=2,gateway=2;"
                        + " got '" + part.strip() + "'");
            }
            ServiceModule service = ServiceModule.byName(part.substring(0, eq));
            int count;
            try {
                count = Integer.parseInt(part.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(REPLICAS + ": the count of " + service.module() + " must be a number,"
                        + " got '" + part.substring(eq + 1).strip() + "'");
            }
            if (count < 1 || count > StackOptions.MAX_REPLICAS) {
                throw new IllegalArgumentException(REPLICAS + ": the count of " + service.module() + " must be between 1"
                        + " and " + StackOptions.MAX_REPLICAS + ", got " + count);
            }
            if (counts.put(service, count) != null) {
                throw new IllegalArgumentException(REPLICAS + " names " + service.module() + " twice");
            }
        }
        return counts;
    }

    /** Whether a switch was given. */
    boolean has(String flag) {
        return flags.containsKey(flag);
    }

    static PlatformArgs parse(List<String> args) {
        Set<String> known = Stream.of(Stream.of(REPO_ROOT, REPLICAS), SWITCHES.stream(),
                        Stream.of(PortSetting.values()).map(PortSetting::flag))
                .flatMap(s -> s).collect(Collectors.toSet());
        String command = null;
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg;
                String value;
                int eq = arg.indexOf('=');
                if (SWITCHES.contains(arg)) {
                    flags.put(arg, "true");
                    continue;
                } else if (eq >= 0 && SWITCHES.contains(arg.substring(0, eq))) {
                    throw new IllegalArgumentException(arg.substring(0, eq) + " takes no value");
                } else if (eq >= 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("Unknown option " + name + " (known: "
                            + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
                }
                if (name.equals(REPLICAS)) {
                    parseReplicas(value); // refused here, before anything starts
                }
                flags.put(name, value);
            } else if (command == null) {
                if (!COMMANDS.contains(arg)) {
                    throw new IllegalArgumentException("Unknown command '" + arg + "' (known: up, status, stop, reset)");
                }
                command = arg;
            } else {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
            }
        }
        return new PlatformArgs(command == null ? "up" : command, flags);
    }
}
