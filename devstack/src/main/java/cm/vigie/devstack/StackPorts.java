package cm.vigie.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ports of one stack run. Immutable. */
public final class StackPorts {

    /** Further instances of a service ({@code --replicas}) sit this far apart from its port: 8082, 8092, 8102... */
    public static final int REPLICA_PORT_STEP = 10;

    private final Map<PortSetting, Integer> ports;
    /** Chosen at random ({@link #random()}): further instances get free ports too, not fixed offsets. */
    private final boolean random;

    private StackPorts(Map<PortSetting, Integer> ports) {
        this(ports, false);
    }

    private StackPorts(Map<PortSetting, Integer> ports, boolean random) {
        this.random = random;
        EnumMap<PortSetting, Integer> copy = new EnumMap<>(PortSetting.class);
        copy.putAll(ports);
        for (PortSetting setting : PortSetting.values()) {
            Integer port = copy.get(setting);
            if (port == null) {
                throw new IllegalArgumentException("No port for " + setting);
            }
            checkRange(setting.flag(), port);
        }
        Map<Integer, PortSetting> owners = new HashMap<>();
        for (Map.Entry<PortSetting, Integer> entry : copy.entrySet()) {
            PortSetting owner = owners.putIfAbsent(entry.getValue(), entry.getKey());
            if (owner != null) {
                throw new IllegalArgumentException("Port " + entry.getValue() + " is given to both " + owner.flag()
                        + " and " + entry.getKey().flag());
            }
        }
        this.ports = Collections.unmodifiableMap(copy);
    }

    public static StackPorts defaults() {
        EnumMap<PortSetting, Integer> map = new EnumMap<>(PortSetting.class);
        for (PortSetting setting : PortSetting.values()) {
            map.put(setting, setting.defaultPort());
        }
        return new StackPorts(map);
    }

    /**
     * Defaults, overridden by environment variables ({@code VIGIE_GATEWAY_PORT}), overridden by flags
     * ({@code --gateway-port}); {@code flags} maps a flag name to its value.
     */
    public static StackPorts resolve(Map<String, String> env, Map<String, String> flags) {
        EnumMap<PortSetting, Integer> map = new EnumMap<>(PortSetting.class);
        for (PortSetting setting : PortSetting.values()) {
            int port = setting.defaultPort();
            String fromEnv = env.get(setting.envVar());
            if (fromEnv != null && !fromEnv.isBlank()) {
                port = parse(setting.envVar(), fromEnv);
            }
            String fromFlag = flags.get(setting.flag());
            if (fromFlag != null) {
                port = parse(setting.flag(), fromFlag);
            }
            map.put(setting, port);
        }
        return new StackPorts(map);
    }

    /** Distinct ports that were free on 127.0.0.1 a moment ago (for tests). */
    public static StackPorts random() {
        List<ServerSocket> held = new ArrayList<>();
        EnumMap<PortSetting, Integer> map = new EnumMap<>(PortSetting.class);
        try {
            // Holding every socket open until all are chosen keeps the ports distinct.
            for (PortSetting setting : PortSetting.values()) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                map.put(setting, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new StackException("Could not find free ports on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
        return new StackPorts(map, true);
    }

    public StackPorts with(PortSetting setting, int port) {
        EnumMap<PortSetting, Integer> map = new EnumMap<>(ports);
        map.put(setting, port);
        return new StackPorts(map, random);
    }

    /**
     * Ports of the further instances of a service ({@code count - 1} of them): its port plus
     * {@link #REPLICA_PORT_STEP}, twice that, ... or, for random ports, free ports distinct from every port here and
     * from {@code avoid}.
     */
    public List<Integer> replicaPorts(PortSetting setting, int count, java.util.Set<Integer> avoid) {
        List<Integer> extra = new ArrayList<>();
        if (count <= 1) {
            return extra;
        }
        if (!random) {
            for (int i = 1; i < count; i++) {
                int port = get(setting) + i * REPLICA_PORT_STEP;
                checkRange(setting.flag() + " (instance " + (i + 1) + ")", port);
                if (ports.containsValue(port) || avoid.contains(port)) {
                    throw new IllegalArgumentException("Instance " + (i + 1) + " of " + setting.flag() + " would take port "
                            + port + ", which another component has; move that component's port");
                }
                extra.add(port);
            }
            return extra;
        }
        List<ServerSocket> held = new ArrayList<>();
        try {
            while (extra.size() < count - 1) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                int port = socket.getLocalPort();
                if (!ports.containsValue(port) && !avoid.contains(port)) {
                    extra.add(port);
                }
            }
        } catch (IOException e) {
            throw new StackException("Could not find free ports on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
        return extra;
    }

    public int get(PortSetting setting) {
        return ports.get(setting);
    }

    public int gateway() {
        return get(PortSetting.GATEWAY);
    }

    public int accounts() {
        return get(PortSetting.ACCOUNTS);
    }

    public int watch() {
        return get(PortSetting.WATCH);
    }

    public int plan() {
        return get(PortSetting.PLAN);
    }

    public int keycloak() {
        return get(PortSetting.KEYCLOAK);
    }

    public int keycloakManagement() {
        return get(PortSetting.KEYCLOAK_MANAGEMENT);
    }

    public int postgres() {
        return get(PortSetting.POSTGRES);
    }

    /** Ports on which something already listens on 127.0.0.1, in {@link PortSetting} order. */
    public List<PortSetting> taken() {
        List<PortSetting> taken = new ArrayList<>();
        for (PortSetting setting : PortSetting.values()) {
            if (!isFree(get(setting))) {
                taken.add(setting);
            }
        }
        return taken;
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int parse(String source, String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a port number, got '" + value + "'");
        }
        checkRange(source, port);
        return port;
    }

    private static void checkRange(String source, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(source + " must be between 1 and 65535, got " + port);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StackPorts other && ports.equals(other.ports);
    }

    @Override
    public int hashCode() {
        return ports.hashCode();
    }

    @Override
    public String toString() {
        return ports.toString();
    }

    /** Every component of the stack listens on the loopback interface only. */
    public static String localUrl(int port) {
        return "http://127.0.0.1:" + port;
    }
}
