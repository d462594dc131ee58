package org.gridfleet.aggregator.openadr.grid;

import java.time.Instant;
import java.util.Objects;

/**
 * A constraint or signal an OpenADR event interval places on Gridfleet, for one target and the window
 * [{@code from}, {@code to}). Power follows the Gridfleet sign: positive = import from the grid
 * (into the batteries), negative = export. No vehicle types here: the dispatcher decides how to honour it.
 */
public sealed interface GridObligation {

    /** The OpenADR event this obligation came from. */
    String eventId();

    GridTarget target();

    Instant from();

    Instant to();

    /** Import at the target must stay at or below {@code limitKw} (>= 0) during the window. */
    record ImportCapacityLimit(String eventId, GridTarget target, Instant from, Instant to, double limitKw)
            implements GridObligation {
        public ImportCapacityLimit {
            Windows.check(eventId, target, from, to);
            Windows.nonNegative("limitKw", limitKw);
        }
    }

    /** Export at the target must stay at or below {@code limitKw} (>= 0, a magnitude) during the window. */
    record ExportCapacityLimit(String eventId, GridTarget target, Instant from, Instant to, double limitKw)
            implements GridObligation {
        public ExportCapacityLimit {
            Windows.check(eventId, target, from, to);
            Windows.nonNegative("limitKw", limitKw);
        }
    }

    /**
     * A price for energy during the window.
     *
     * @param direction      IMPORT (OpenADR PRICE) or EXPORT (EXPORT_PRICE)
     * @param pricePerKwh    currency units per kWh (may be negative)
     * @param currency       ISO 4217 code, or null when the program did not say
     */
    record PriceSignal(String eventId, GridTarget target, Instant from, Instant to, Direction direction,
                       double pricePerKwh, String currency) implements GridObligation {
        public PriceSignal {
            Windows.check(eventId, target, from, to);
            Objects.requireNonNull(direction, "direction");
            if (!Double.isFinite(pricePerKwh)) {
                throw new IllegalArgumentException("pricePerKwh must be finite, but was " + pricePerKwh);
            }
        }
    }

    /** Which way energy flows for a price. */
    enum Direction { IMPORT, EXPORT }

    /**
     * A power setpoint for the target during the window.
     *
     * @param powerKw  absolute import setpoint (>= 0, OpenADR DISPATCH_SETPOINT) or, when {@code relative},
     *                 the requested change of import against the baseline (DISPATCH_SETPOINT_RELATIVE)
     */
    record DispatchSetpoint(String eventId, GridTarget target, Instant from, Instant to, double powerKw,
                            boolean relative) implements GridObligation {
        public DispatchSetpoint {
            Windows.check(eventId, target, from, to);
            if (!Double.isFinite(powerKw) || (!relative && powerKw < 0)) {
                throw new IllegalArgumentException("powerKw must be finite and >= 0 when absolute, but was " + powerKw);
            }
        }
    }

    /**
     * An OpenADR SIMPLE level (0 normal .. 3 emergency) and the share of baseline import Gridfleet is
     * configured to shed for it.
     *
     * @param shedFraction 0..1 of the target's baseline import to shed
     */
    record SimpleLevel(String eventId, GridTarget target, Instant from, Instant to, int level, double shedFraction)
            implements GridObligation {
        public SimpleLevel {
            Windows.check(eventId, target, from, to);
            if (level < 0 || level > 3) {
                throw new IllegalArgumentException("level must be 0..3, but was " + level);
            }
            if (!(shedFraction >= 0 && shedFraction <= 1)) {
                throw new IllegalArgumentException("shedFraction must be in 0..1, but was " + shedFraction);
            }
        }
    }

    /** Shared checks of the compact constructors. */
    final class Windows {
        private Windows() {
        }

        static void check(String eventId, GridTarget target, Instant from, Instant to) {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("to " + to + " must be after from " + from);
            }
        }

        static void nonNegative(String field, double kw) {
            if (!(kw >= 0) || Double.isInfinite(kw)) {
                throw new IllegalArgumentException(field + " must be finite and >= 0, but was " + kw);
            }
        }
    }
}
