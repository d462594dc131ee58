package org.gridfleet.market.dr;

import java.util.Objects;
import org.gridfleet.market.Checks;
import org.gridfleet.market.DeliveryPeriod;

/**
 * A price for energy during a window (an OpenADR {@code PRICE} / {@code EXPORT_PRICE} event interval).
 *
 * @param scopeId the site id or {@link DemandResponseLimit#FLEET}
 * @param direction {@link LimitDirection#IMPORT}: price paid per kWh imported; {@link LimitDirection#EXPORT}: price
 *     received per kWh exported
 * @param pricePerKwh currency/kWh, finite (may be negative)
 * @param window when the price holds, {@code [start, end)}
 */
public record PriceSignal(String scopeId, LimitDirection direction, double pricePerKwh, DeliveryPeriod window) {

    /** @throws IllegalArgumentException naming the field if a value is impossible */
    public PriceSignal {
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(window, "window");
        if (scopeId.isBlank()) {
            throw new IllegalArgumentException("scopeId must not be blank");
        }
        Checks.requireFinite("pricePerKwh", pricePerKwh);
    }
}
