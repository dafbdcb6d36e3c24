package cm.vigie.watch.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cm.vigie.watch.hoax.HoaxDetector;
import cm.vigie.watch.hoax.HoaxMatch;

/** Flags texts that contain a registered marker, so that alert tests do not depend on the similarity engine. */
public class FakeHoaxDetector extends HoaxDetector {

    private final Map<String, UUID> markers = new ConcurrentHashMap<>();

    public UUID register(String marker) {
        UUID hoax = UUID.randomUUID();
        markers.put(marker, hoax);
        return hoax;
    }

    @Override
    public List<HoaxMatch> detect(String institutionId, String text) {
        return markers.entrySet().stream().filter(e -> text.contains(e.getKey()))
                .map(e -> new HoaxMatch(e.getValue(), 0.93)).toList();
    }
}
