package org.gridfleet.aggregator.sim;

/**
 * How one simulated charger misbehaves. {@link #NONE} behaves exactly as the charger model of SCENARIO.md.
 *
 * @param ignoreFromSecond simulated second (from the scenario's start) from which the charger acknowledges every
 *     setpoint and applies none: it keeps heading for the last target it accepted; {@code +Infinity} = never
 * @param rampFactor the ramp the charger really achieves as a share of the declared one, (0, 1]
 * @param ackLossProbability chance that a setpoint is lost: never acknowledged and never applied, [0, 1)
 * @param socDriftPerHour error of the SoC the vehicle reports, growing by this much per hour from its first report
 *     (signed, SoC units per hour; the reported SoC is clamped to 0..1)
 * @param duplicateProbability chance that a meter value is delivered twice, [0, 1]
 * @param staleProbability chance that the previous meter value is delivered again after the current one, [0, 1]
 */
public record ChargerFault(double ignoreFromSecond, double rampFactor, double ackLossProbability,
                           double socDriftPerHour, double duplicateProbability, double staleProbability) {

    /** A charger that does what it is told. */
    public static final ChargerFault NONE = new ChargerFault(Double.POSITIVE_INFINITY, 1, 0, 0, 0, 0);

    public ChargerFault {
        if (Double.isNaN(ignoreFromSecond)) {
            throw new IllegalArgumentException("ignoreFromSecond must be a number (+Infinity for never)");
        }
        if (!(rampFactor > 0 && rampFactor <= 1)) {
            throw new IllegalArgumentException("rampFactor must be in (0, 1], but was " + rampFactor);
        }
        if (!(ackLossProbability >= 0 && ackLossProbability < 1)) {
            throw new IllegalArgumentException("ackLossProbability must be in [0, 1), but was " + ackLossProbability);
        }
        if (!Double.isFinite(socDriftPerHour)) {
            throw new IllegalArgumentException("socDriftPerHour must be finite, but was " + socDriftPerHour);
        }
        if (!(duplicateProbability >= 0 && duplicateProbability <= 1)) {
            throw new IllegalArgumentException("duplicateProbability must be in [0, 1], but was "
                    + duplicateProbability);
        }
        if (!(staleProbability >= 0 && staleProbability <= 1)) {
            throw new IllegalArgumentException("staleProbability must be in [0, 1], but was " + staleProbability);
        }
    }

    /** Whether the charger drops setpoints sent at {@code nowSecond}. */
    boolean ignoresAt(double nowSecond) {
        return nowSecond >= ignoreFromSecond;
    }
}
