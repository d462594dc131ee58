/**
 * Frequency containment (Continental Europe FCR, MARKET-RULES.md §3.1): linear droop on measured grid frequency,
 * symmetric 4-hour blocks with a D-1 gate closure, the limited-energy-reservoir rule and a delivery error metric.
 *
 * <p>Power sign: positive = import. High frequency asks for more import, so
 * {@code requestedKw = baselineKw + capacityKw × clamp((f − 50 Hz) / 0.2 Hz, −1, 1)}.
 */
package org.gridfleet.market.fcr;
