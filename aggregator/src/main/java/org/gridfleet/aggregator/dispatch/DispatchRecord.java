package org.gridfleet.aggregator.dispatch;

import java.time.Instant;

/**
 * The performance record of one dispatch tick. Fleet EV power in kW, positive = import.
 *
 * @param at the tick's instant (each signal sample keeps the market's own stamp: settlement and the lead use it)
 * @param baselineKw the baseline the market measures against (declared; the schedule when no obligation is active)
 * @param requestedKw what the active obligations ask for: baseline + each obligation's response
 * @param targetKw what the dispatcher aimed at after demand-response caps, SoC restoring bias and the correction
 *     for vehicles that fall short
 * @param allocatedKw the sum of the setpoints now in force (followers) plus the metered power of non-responders
 * @param meteredKw the metered fleet power seen at this tick (NaN when nothing is metered)
 * @param undeliverableKw how far the allocation misses the request (with the intended bias and correction) or the
 *     capped target, whichever is further, kW, &ge; 0
 * @param undeliverable whether that shortfall is beyond the tolerance: the fleet cannot deliver
 * @param setpointsSent setpoints handed to the sink
 * @param nonResponders vehicles excluded for not following
 */
public record DispatchRecord(Instant at, double baselineKw, double requestedKw, double targetKw, double allocatedKw,
                             double meteredKw, double undeliverableKw, boolean undeliverable, int setpointsSent,
                             int nonResponders) {
}
