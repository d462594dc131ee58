package org.gridfleet.market;

/** Argument checks shared by the market value types; messages name the field and the bad value. */
public final class Checks {

    private Checks() {
    }

    /**
     * @return {@code value}
     * @throws IllegalArgumentException if value is not finite
     */
    public static double requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, but was " + value);
        }
        return value;
    }

    /**
     * @return {@code value}
     * @throws IllegalArgumentException if value is not finite or &lt; 0
     */
    public static double requireNonNegative(String field, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(field + " must be >= 0 and finite, but was " + value);
        }
        return value;
    }

    /**
     * @return {@code value}
     * @throws IllegalArgumentException if value is not finite or &le; 0
     */
    public static double requirePositive(String field, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(field + " must be > 0 and finite, but was " + value);
        }
        return value;
    }

    /**
     * @return {@code value}
     * @throws IllegalArgumentException if value is outside [min, max]
     */
    public static double requireRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], but was " + value);
        }
        return value;
    }
}
