package cm.vigie.plan.workflow;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, at the precision PostgreSQL keeps: what an answer shows is exactly what is read back later. */
public final class Clocks {

    private Clocks() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
