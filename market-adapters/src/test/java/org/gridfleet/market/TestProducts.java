package org.gridfleet.market;

import java.time.Duration;

/** Products used across the tests. */
public final class TestProducts {

    /** PJM RegD: hourly, 2-s signal, 100 kW minimum. */
    public static final Product REGD = new Product("pjm-regd", ProductKind.REGULATION, Duration.ofHours(1),
            Duration.ofSeconds(2), 100, 1_000_000, true);

    private TestProducts() {
    }
}
