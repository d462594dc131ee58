package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the site limits when chargers do not do what they are told: setpoints ignored, acknowledgements lost,
 * ramps slower than declared, SoC readings that drift. Wraps a {@link ChargingController} and feeds it from the
 * chargers' meter values ({@link MeterReadings}):
 *
 * <ul>
 *   <li>A charger metering more than its setpoint in force (beyond {@code toleranceKw}) is not following. Its
 *       vehicle is taken out of the wrapped controller's view and counted as uncontrollable base load of its site
 *       at its <em>ceiling</em>: the most it may draw, its metered power or any setpoint sent since it last
 *       followed, whichever is higher. It keeps its last setpoint until its meter shows it follows again.</li>
 *   <li>Break before make: a lowered setpoint frees no room until the meter shows it. Every following charger
 *       counts at the higher of its new setpoint and its ceiling; where that puts a site over its usable limit the
 *       raises are cut back, never below the ceiling or the vehicle's reserve bound.</li>
 *   <li>Departure margin: a charger once seen metering less than its setpoint (a lost setpoint, a slow ramp) or
 *       not following is unreliable for the rest of the stay; the wrapped controller plans its vehicle to be ready
 *       early, so that what the charger fails to deliver does not miss the target: {@code departureMargin}.</li>
 *   <li>Ramp margin: every vehicle is planned ready early by the time its charger, at the slowest ramp its energy
 *       register has shown, needs to go from 0 to full power and back.</li>
 *   <li>SoC cross-check: the wrapped controller sees the lower of the reported SoC and the SoC counted from the
 *       meter's energy registers since the vehicle was first seen. The lower one is the safe one for the reserve
 *       and for the departure target.</li>
 * </ul>
 *
 * <p>Power in kW, positive = into the battery. Only site limits are guarded here; nested limit nodes are left to
 * the wrapped controller. Not thread-safe: one instance per control loop.
 */
public final class FollowerGuard implements ChargingController {
    private static final double EPS = 1e-9;

    private final ChargingController inner;
    private final MeterReadings readings;
    private final double toleranceKw;
    private final Duration departureMargin;
    private final Map<String, Track> tracks = new HashMap<>();

    /**
     * @param inner the controller whose setpoints are guarded
     * @param readings the chargers' latest meter values, fed by the caller before each step
     * @param toleranceKw how far a charger may meter from its setpoint and still count as delivering it, kW, &ge; 0
     * @param departureMargin how much earlier an unreliable charger's vehicle is planned to be ready, &ge; 0
     */
    public FollowerGuard(ChargingController inner, MeterReadings readings, double toleranceKw,
                         Duration departureMargin) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.readings = Objects.requireNonNull(readings, "readings");
        VehicleState.requireRange("toleranceKw", toleranceKw, 0, Double.MAX_VALUE);
        this.toleranceKw = toleranceKw;
        this.departureMargin = Objects.requireNonNull(departureMargin, "departureMargin");
        if (departureMargin.isNegative()) {
            throw new IllegalArgumentException("departureMargin must not be negative, but was " + departureMargin);
        }
    }

    /** What the guard remembers of one plugged-in vehicle. */
    private static final class Track {
        double setpointKw;
        double ceilingKw;
        boolean unreliable;
        MeterReading previous;
        double slowestRampKwPerSecond = Double.POSITIVE_INFINITY;
        boolean counting;
        double startEnergyKwh;
        double startImportKwh;
        double startExportKwh;
    }

    @Override
    public Map<String, Double> control(ControlInput in) {
        forgetDeparted(in.vehicles());
        int n = in.vehicles().size();
        List<VehicleState> followers = new ArrayList<>(n);
        double[] ceiling = new double[n];
        Map<String, Double> setpoints = new HashMap<>(n * 2);
        Map<String, Double> uncontrolledKw = new HashMap<>();
        for (VehicleState v : in.vehicles()) {
            Track t = tracks.computeIfAbsent(v.vehicleId(), id -> new Track());
            MeterReading r = readings.latest(v.vehicleId());
            double meteredKw = r == null ? t.setpointKw : r.powerKw();
            boolean following = meteredKw <= t.setpointKw + toleranceKw;
            t.unreliable |= !following || meteredKw < t.setpointKw - toleranceKw;
            observeRamp(t, r);
            if (following) {
                t.ceilingKw = t.setpointKw;
            }
            double heldKw = Math.max(meteredKw, t.ceilingKw);
            if (following) {
                ceiling[followers.size()] = heldKw;
                VehicleState checked = crossChecked(v, r, t);
                followers.add(withMargin(checked, t, in.now().plus(in.step())));
            } else {
                uncontrolledKw.merge(v.siteId(), heldKw, Double::sum);
                setpoints.put(v.vehicleId(), t.setpointKw);
            }
        }
        Map<String, SiteState> sites = withUncontrolledLoad(in.sites(), uncontrolledKw);
        ControlInput seen = new ControlInput(in.now(), in.step(), followers, sites, in.tariff(), in.siteTargetKw());
        Map<String, Double> planned = inner.control(seen);
        double[] x = new double[followers.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = planned.getOrDefault(followers.get(i).vehicleId(), 0.0);
        }
        breakBeforeMake(seen, ceiling, x);
        for (int i = 0; i < x.length; i++) {
            String id = followers.get(i).vehicleId();
            Track t = tracks.get(id);
            t.setpointKw = x[i];
            t.ceilingKw = Math.max(t.ceilingKw, x[i]);
            setpoints.put(id, x[i]);
        }
        return setpoints;
    }

    private void forgetDeparted(List<VehicleState> present) {
        Set<String> ids = new HashSet<>(present.size() * 2);
        for (VehicleState v : present) {
            ids.add(v.vehicleId());
        }
        tracks.keySet().removeIf(id -> {
            boolean gone = !ids.contains(id);
            if (gone) {
                readings.forget(id);
            }
            return gone;
        });
    }

    /**
     * Learns the charger's real ramp from its energy register: under setpoint {@code s} held since the previous
     * reading at {@code p0} kW, a charger ramping at {@code r} kW/s lags {@code (s - p0)^2 / (2 r)} kWs behind the
     * setpoint's energy (more where latency adds to it, so the estimate errs slow).
     */
    private void observeRamp(Track t, MeterReading r) {
        if (r == null || r == t.previous) {
            return;
        }
        MeterReading p = t.previous;
        t.previous = r;
        double changeKw = t.setpointKw - (p == null ? 0 : p.powerKw());
        if (p == null || !r.at().isAfter(p.at()) || Math.abs(changeKw) <= toleranceKw) {
            return;
        }
        double seconds = Duration.between(p.at(), r.at()).toMillis() / 1000.0;
        double deliveredKws = (r.importKwh() - p.importKwh() - r.exportKwh() + p.exportKwh()) * 3600;
        double lagKws = (t.setpointKw * seconds - deliveredKws) * Math.signum(changeKw);
        if (lagKws > EPS) {
            t.slowestRampKwPerSecond = Math.min(t.slowestRampKwPerSecond, changeKw * changeKw / (2 * lagKws));
        }
    }

    /** The vehicle due its margin earlier, but not before {@code stepEnd} unless it is due sooner. */
    private VehicleState withMargin(VehicleState v, Track t, Instant stepEnd) {
        Duration margin = t.unreliable ? departureMargin : Duration.ZERO;
        if (Double.isFinite(t.slowestRampKwPerSecond)) {
            // a ramp up and a ramp down from 0 to full power and back
            margin = margin.plusSeconds((long) Math.min(2 * v.maxChargeKw() / t.slowestRampKwPerSecond, 86_400));
        }
        if (margin.isZero()) {
            return v;
        }
        Instant early = v.departure().minus(margin);
        if (early.isBefore(stepEnd)) {
            early = v.departure().isBefore(stepEnd) ? v.departure() : stepEnd;
        }
        return new VehicleState(v.vehicleId(), v.siteId(), v.batteryKwh(), v.soc(), v.reserveSoc(), v.targetSoc(),
                early, v.maxChargeKw(), v.maxDischargeKw(), v.efficiency(), v.degradationCostPerKwh(), v.urgent());
    }

    /** The vehicle with the lower of its reported SoC and the SoC counted from its meter since first seen. */
    private static VehicleState crossChecked(VehicleState v, MeterReading r, Track t) {
        if (r == null) {
            return v;
        }
        if (!t.counting) {
            t.counting = true;
            t.startEnergyKwh = v.energyKwh();
            t.startImportKwh = r.importKwh();
            t.startExportKwh = r.exportKwh();
            return v;
        }
        double countedKwh = t.startEnergyKwh + (r.importKwh() - t.startImportKwh) * v.efficiency()
                - (r.exportKwh() - t.startExportKwh) / v.efficiency();
        return countedKwh < v.energyKwh() ? v.withEnergyKwh(countedKwh) : v;
    }

    private static Map<String, SiteState> withUncontrolledLoad(Map<String, SiteState> sites,
                                                               Map<String, Double> uncontrolledKw) {
        if (uncontrolledKw.isEmpty()) {
            return sites;
        }
        Map<String, SiteState> out = new HashMap<>(sites);
        uncontrolledKw.forEach((siteId, kw) -> {
            SiteState s = sites.get(siteId);
            if (s != null) {
                out.put(siteId, new SiteState(siteId, s.limitKw(), s.headroomPct(), s.baseLoadKw() + kw,
                        s.peak15MinKw()));
            }
        });
        return out;
    }

    /**
     * Cuts the raises at each site, in proportion, until every following charger counted at the higher of its
     * setpoint and its ceiling fits the usable limit; a raise is never cut below the ceiling or the reserve bound.
     */
    private static void breakBeforeMake(ControlInput seen, double[] ceiling, double[] x) {
        List<VehicleState> vs = seen.vehicles();
        Map<String, double[]> loadAndCuttable = new HashMap<>();
        double[] cuttable = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            VehicleState v = vs.get(i);
            double keepKw = Math.max(ceiling[i], VehicleEnvelope.range(v, seen.now(), seen.step()).hardMinKw());
            cuttable[i] = Math.max(0, x[i] - keepKw);
            double[] acc = loadAndCuttable.computeIfAbsent(v.siteId(), id -> new double[2]);
            acc[0] += Math.max(x[i], ceiling[i]);
            acc[1] += cuttable[i];
        }
        for (int i = 0; i < x.length; i++) {
            SiteState site = seen.sites().get(vs.get(i).siteId());
            double[] acc = loadAndCuttable.get(vs.get(i).siteId());
            double excess = acc[0] + site.baseLoadKw() - site.usableLimitKw();
            if (excess > EPS && acc[1] > EPS) {
                x[i] -= cuttable[i] * Math.min(1, excess / acc[1]);
            }
        }
    }
}
