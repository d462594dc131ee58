package org.gridfleet.aggregator.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gridfleet.v2g.control.ChargingController;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.FollowerGuard;
import org.gridfleet.v2g.control.MeterReading;
import org.gridfleet.v2g.control.MeterReadings;
import org.gridfleet.v2g.control.PriceCurve;
import org.gridfleet.v2g.control.ScheduledController;
import org.gridfleet.v2g.control.ScheduledControllerConfig;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleState;

/**
 * Runs a validated {@link Scenario} in simulated time against simulated chargers ({@link ChargerPlant}), driving
 * a {@link ChargingController} made by the injected factory (wrapped by the grid services, if any), and compares it
 * with dumb charging. The controller sees a vehicle only from the first step at or after its arrival; DR import
 * limits lower the site limit it sees within their window; a vehicle whose owner budget is exhausted is shown with
 * no discharge power. Power in kW, positive = import.
 *
 * <p>With {@link FaultInjection} the controlled run's chargers misbehave ({@link ChargerFault}); the controller is
 * then wrapped in a {@link FollowerGuard} fed with the chargers' meter values (duplicated and reordered as the
 * faults say), a lost setpoint is sent again every 30 s as a gateway retries on its call timeout (and again at the
 * next step if all tries were lost), and a site-step counts as over its limit only when it exceeds both the limit
 * and what the misbehaving chargers and the base load alone draw.
 */
public final class Simulator {
    private static final double SOC_TOLERANCE = 1e-3;
    private static final double KW_TOLERANCE = 1e-6;
    private static final double ENERGY_DUST_KWH = 1e-9;
    /** The OCPP gateway sends setpoints rounded to 0.1 W; this also drops the allocator's 1e-14 kW residues. */
    private static final double SETPOINT_STEPS_PER_KW = 10_000;
    /** A charger metering more than this above its setpoint is treated as not following it. */
    private static final double FOLLOW_TOLERANCE_KW = 0.05;
    /** The gateway's call timeout: an unacknowledged setpoint is sent again this many seconds later. */
    private static final int RETRY_SECONDS = 30;
    /** How much earlier than their owners want the guard plans the departures of chargers seen under-delivering. */
    private static final Duration DEPARTURE_MARGIN = Duration.ofMinutes(30);

    private final Supplier<ChargingController> controllers;
    private final WearPrices wear;
    private final Clock wallClock;

    /**
     * @param controllers makes a fresh controller per run: the single place to choose the control strategy
     * @param wear wear price of each vehicle's battery
     * @param wallClock measures {@code wallClockMs}
     */
    public Simulator(Supplier<ChargingController> controllers, WearPrices wear, Clock wallClock) {
        this.controllers = controllers;
        this.wear = wear;
        this.wallClock = wallClock;
    }

    /** The simulator with production's control core: the {@link ScheduledController} with its defaults. */
    public static Simulator withControlCore(Clock wallClock) {
        return new Simulator(() -> new ScheduledController(ScheduledControllerConfig.ofDefaults()),
                WearPrices.ofDefaults(), wallClock);
    }

    /**
     * @param markets grid-service hook ({@link SiteTargetSource#NONE} for none)
     * @param trace where to write the trace, or null
     * @param optimum solver for {@code offlineOptimum}, or null to leave it out
     */
    public SimulationReport run(Scenario scenario, SiteTargetSource markets, TraceWriter trace,
                                OfflineOptimumSolver optimum) {
        return run(scenario, markets, trace, optimum, FaultInjection.none());
    }

    /**
     * As {@link #run(Scenario, SiteTargetSource, TraceWriter, OfflineOptimumSolver)}, with the controlled run's
     * chargers misbehaving as {@code faults} draws (dumb charging stays fault-free as the reference).
     */
    public SimulationReport run(Scenario scenario, SiteTargetSource markets, TraceWriter trace,
                                OfflineOptimumSolver optimum, FaultInjection faults) {
        long started = wallClock.millis();
        Run controlled = new Run(scenario, markets.wrap(controllers.get()), markets, trace, true, faults);
        controlled.execute();
        Run dumb = new Run(scenario, new FullPowerController(), SiteTargetSource.NONE, null, false,
                FaultInjection.none());
        dumb.execute();
        SimulationReport.OptimumCost optimal = optimum == null ? null : optimum.solve(scenario);
        return controlled.report(dumb, optimal, wallClock.millis() - started);
    }

    /** One pass over the scenario with one controller. */
    private final class Run {
        private final Scenario s;
        private final ChargingController controller;
        private final SiteTargetSource markets;
        private final TraceWriter trace;
        private final boolean honourDr;
        private final Scenario.Vehicle[] vehicles;
        private final int[] siteOf;
        private final ChargerPlant plant;
        private final SiteMeter[] meters;
        private final double[] chargedKwh;
        private final double[] dischargedKwh;
        private final double[] batteryOutKwh;
        private final double[] wearPerKwh;
        private final DischargeBudgets budgets;
        private final double[] minSoc;
        private final double[] departureSoc;
        private final Tariff tariff;
        private final PriceCurve[] baseLoad;
        private final FaultInjection faults;
        private final ChargerFault[] fault;
        private final MeterReadings readings;
        private final MeterReading[] lastReading;
        private final long[] firstSeenSecond;
        private final double[] siteMisbehavingKwh;
        private int reserveViolations;
        private int drViolations;
        private int forcedOverLimit;

        Run(Scenario s, ChargingController controller, SiteTargetSource markets, TraceWriter trace,
            boolean honourDr, FaultInjection faults) {
            this.s = s;
            this.faults = faults;
            this.readings = faults.active() ? new MeterReadings() : null;
            this.controller = faults.active() ? new FollowerGuard(controller, readings, FOLLOW_TOLERANCE_KW,
                    DEPARTURE_MARGIN)
                    : controller;
            this.markets = markets;
            this.trace = trace;
            this.honourDr = honourDr;
            vehicles = s.vehicles().toArray(new Scenario.Vehicle[0]);
            Arrays.sort(vehicles, Comparator.comparing(Scenario.Vehicle::arrival));
            int n = vehicles.length;
            siteOf = new int[n];
            double[] capacity = new double[n];
            double[] energy = new double[n];
            for (int i = 0; i < n; i++) {
                siteOf[i] = siteIndex(vehicles[i].site());
                capacity[i] = vehicles[i].batteryKwh();
                energy[i] = vehicles[i].arrivalSoc() * capacity[i];
            }
            long startSecond = s.start().getEpochSecond();
            fault = new ChargerFault[n];
            lastReading = new MeterReading[n];
            firstSeenSecond = new long[n];
            for (int i = 0; i < n; i++) {
                fault[i] = faults.draw(vehicles[i], startSecond);
            }
            Scenario.Chargers c = s.chargers();
            plant = new ChargerPlant(c.commandLatencyMs() / 1000.0, c.rampKwPerSecond(), c.efficiency(), capacity,
                    energy, fault, faults);
            meters = new SiteMeter[s.sites().size()];
            siteMisbehavingKwh = new double[meters.length];
            baseLoad = new PriceCurve[meters.length];
            for (int k = 0; k < meters.length; k++) {
                Scenario.Site site = s.sites().get(k);
                meters[k] = new SiteMeter(site.limitKw(), s.start().getEpochSecond(), s.end().getEpochSecond());
                baseLoad[k] = ScenarioCurves.baseLoad(site);
            }
            chargedKwh = new double[n];
            dischargedKwh = new double[n];
            batteryOutKwh = new double[n];
            wearPerKwh = new double[n];
            for (int i = 0; i < n; i++) {
                wearPerKwh[i] = wear.perKwh(vehicles[i]);
            }
            budgets = new DischargeBudgets(vehicles, wearPerKwh, wear, day(s.start()));
            minSoc = new double[n];
            departureSoc = new double[n];
            for (int i = 0; i < n; i++) {
                minSoc[i] = vehicles[i].arrivalSoc();
            }
            tariff = ScenarioCurves.tariff(s);
        }

        private int siteIndex(String id) {
            for (int k = 0; k < s.sites().size(); k++) {
                if (s.sites().get(k).id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown site " + id);
        }

        void execute() {
            long startSecond = s.start().getEpochSecond();
            long endSecond = s.end().getEpochSecond();
            int[] active = new int[vehicles.length];
            int activeCount = 0;
            int nextArrival = 0;
            double[] lastSent = new double[vehicles.length];
            double[] siteEvKwh = new double[meters.length];
            double[] drLimit = new double[meters.length];
            int step;
            for (long t = startSecond; t < endSecond; t += step) {
                Instant now = Instant.ofEpochSecond(t);
                step = (int) Math.min(endSecond - t, markets.stepSecondsAt(now, s.stepSeconds()));
                Duration stepDuration = Duration.ofSeconds(step);
                LocalDate day = day(now);
                while (nextArrival < vehicles.length && vehicles[nextArrival].arrival().getEpochSecond() <= t) {
                    firstSeenSecond[nextArrival] = t;
                    active[activeCount++] = nextArrival++;
                }
                Arrays.fill(drLimit, Double.NaN);
                if (honourDr) {
                    drLimits(now, drLimit);
                }
                List<VehicleState> states = new ArrayList<>(activeCount);
                for (int a = 0; a < activeCount; a++) {
                    if (readings != null) {
                        deliverMeterValue(active[a], now);
                    }
                    states.add(state(active[a], now, day, step));
                }
                Map<String, SiteState> sites = new HashMap<>();
                for (int k = 0; k < meters.length; k++) {
                    Scenario.Site site = s.sites().get(k);
                    double limit = Double.isNaN(drLimit[k]) ? site.limitKw() : Math.min(site.limitKw(), drLimit[k]);
                    sites.put(site.id(), new SiteState(site.id(), Math.max(limit, 1e-9), site.headroomPct(),
                            baseLoad[k].priceAt(now), meters[k].peak15MinKw()));
                }
                Map<String, Double> setpoints = controller.control(
                        new ControlInput(now, stepDuration, states, sites, tariff, markets.targetsKw(now)));
                Arrays.fill(siteEvKwh, 0);
                Arrays.fill(siteMisbehavingKwh, 0);
                double fromSecond = t - startSecond;
                int kept = 0;
                for (int a = 0; a < activeCount; a++) {
                    int i = active[a];
                    Scenario.Vehicle v = vehicles[i];
                    double kw = clamp(setpoints.getOrDefault(v.id(), 0.0), v);
                    if (kw != lastSent[i]) {
                        lastSent[i] = send(i, kw, fromSecond, step);
                    }
                    boolean misbehaving = Double.isNaN(lastSent[i]) || plant.misbehaving(i, fromSecond);
                    long leaves = v.departure().getEpochSecond();
                    double seconds = Math.min(step, leaves - t);
                    double gridKwh = plant.advance(i, fromSecond, seconds);
                    siteEvKwh[siteOf[i]] += gridKwh;
                    if (misbehaving) {
                        siteMisbehavingKwh[siteOf[i]] += gridKwh;
                    }
                    meterVehicle(i, gridKwh, day);
                    if (t + step >= leaves) {
                        departureSoc[i] = plant.energyKwh(i) / v.batteryKwh();
                    } else {
                        active[kept++] = i;
                    }
                }
                activeCount = kept;
                meterSites(now, step, siteEvKwh, drLimit);
            }
        }

        /**
         * Sends a setpoint and retries it every {@link #RETRY_SECONDS} within the step until acknowledged.
         *
         * @return the setpoint, or NaN when still unacknowledged at the step's end (NaN never equals a setpoint, so
         *     it is sent again at the next step)
         */
        private double send(int i, double kw, double fromSecond, int step) {
            for (int after = 0; after < step; after += RETRY_SECONDS) {
                if (plant.command(i, kw, fromSecond + after)) {
                    return kw;
                }
            }
            return Double.NaN;
        }

        private void drLimits(Instant now, double[] drLimit) {
            for (Scenario.Market m : s.markets()) {
                if ("dr-import-limit".equals(m.product()) && !now.isBefore(m.from()) && now.isBefore(m.to())) {
                    int k = siteIndex(m.site());
                    drLimit[k] = Double.isNaN(drLimit[k]) ? m.limitKw() : Math.min(drLimit[k], m.limitKw());
                }
            }
        }

        /**
         * The charger's meter value now, with a sequence number per vehicle; a faulty charger may deliver it twice
         * and may deliver the previous one again after it.
         */
        private void deliverMeterValue(int i, Instant now) {
            MeterReading previous = lastReading[i];
            long sequence = previous == null ? 0 : previous.sequence() + 1;
            MeterReading reading = new MeterReading(vehicles[i].id(), sequence, now, plant.powerKw(i),
                    chargedKwh[i], dischargedKwh[i]);
            readings.accept(reading);
            if (faults.happens(fault[i].duplicateProbability())) {
                readings.accept(reading);
            }
            if (previous != null && faults.happens(fault[i].staleProbability())) {
                readings.accept(previous);
            }
            lastReading[i] = reading;
        }

        private VehicleState state(int i, Instant now, LocalDate day, int stepSeconds) {
            Scenario.Vehicle v = vehicles[i];
            // a drifting SoC is right at the first report and drifts from there
            double hoursReported = (now.getEpochSecond() - firstSeenSecond[i]) / 3600.0;
            double reported = plant.energyKwh(i) / v.batteryKwh() + fault[i].socDriftPerHour() * hoursReported;
            double soc = Math.min(1, Math.max(0, reported));
            double efficiency = s.chargers().efficiency();
            double maxDischargeKw = budgets.maxDischargeKw(i, v.v2g() ? v.maxDischargeKw() : 0, day,
                    stepSeconds / 3600.0, efficiency);
            return new VehicleState(v.id(), v.site(), v.batteryKwh(), soc, v.reserveSoc(), v.departureSoc(),
                    v.departure(), v.maxChargeKw(), maxDischargeKw, efficiency, wearPerKwh[i], false);
        }

        /** The setpoint as the charger applies it: within its power range, at the gateway's 0.1 W resolution. */
        private static double clamp(double kw, Scenario.Vehicle v) {
            double floor = v.v2g() ? -v.maxDischargeKw() : 0;
            double applied = Double.isFinite(kw) ? Math.max(floor, Math.min(v.maxChargeKw(), kw)) : 0;
            return Math.round(applied * SETPOINT_STEPS_PER_KW) / SETPOINT_STEPS_PER_KW;
        }

        private void meterVehicle(int i, double gridKwh, LocalDate day) {
            Scenario.Vehicle v = vehicles[i];
            double soc = plant.energyKwh(i) / v.batteryKwh();
            if (gridKwh >= 0) {
                chargedKwh[i] += gridKwh;
            } else {
                dischargedKwh[i] -= gridKwh;
                double outKwh = -gridKwh / s.chargers().efficiency();
                batteryOutKwh[i] += outKwh;
                budgets.spend(i, day, outKwh);
                // a battery already drained gives only rounding dust, which is no new violation
                if (gridKwh < -ENERGY_DUST_KWH && soc < v.reserveSoc() - SOC_TOLERANCE) {
                    reserveViolations++;
                }
            }
            minSoc[i] = Math.min(minSoc[i], soc);
        }

        private void meterSites(Instant now, int step, double[] siteEvKwh, double[] drLimit) {
            double importPrice = tariff.importPrice().priceAt(now);
            double exportPrice = tariff.exportPrice().priceAt(now);
            for (int k = 0; k < meters.length; k++) {
                String id = s.sites().get(k).id();
                double evKw = siteEvKwh[k] * 3600.0 / step;
                double siteKw = evKw + baseLoad[k].priceAt(now);
                meters[k].record(now.getEpochSecond(), step, siteKw, importPrice, exportPrice);
                if (faults.active() && siteKw > meters[k].limitKw() + KW_TOLERANCE
                        && siteKw <= siteMisbehavingKwh[k] * 3600.0 / step + baseLoad[k].priceAt(now) + KW_TOLERANCE) {
                    forcedOverLimit++;
                }
                if (!Double.isNaN(drLimit[k]) && siteKw > drLimit[k] + KW_TOLERANCE) {
                    drViolations++;
                }
                markets.metered(now, id, evKw);
                if (trace != null) {
                    trace.row(now, id, siteKw, markets.trace(now, id));
                }
            }
        }

        double energyCost() {
            double sum = 0;
            for (SiteMeter m : meters) {
                sum += m.energyCost();
            }
            return sum;
        }

        double demandCharge() {
            double sum = 0;
            for (SiteMeter m : meters) {
                sum += m.peak15MinKw() * s.tariff().demandChargePerKw();
            }
            return sum;
        }

        /** Site-steps over the limit, less those the misbehaving chargers and the base load alone forced. */
        int siteLimitViolations() {
            int sum = 0;
            for (SiteMeter m : meters) {
                sum += m.stepsOverLimit();
            }
            return sum - forcedOverLimit;
        }

        double peakKw() {
            double max = 0;
            for (SiteMeter m : meters) {
                max = Math.max(max, m.peakKw());
            }
            return max;
        }

        boolean metTarget(int i) {
            return departureSoc[i] >= vehicles[i].departureSoc() - SOC_TOLERANCE;
        }

        int departureViolations() {
            int missed = 0;
            for (int i = 0; i < vehicles.length; i++) {
                missed += metTarget(i) ? 0 : 1;
            }
            return missed;
        }

        SimulationReport report(Run dumb, SimulationReport.OptimumCost optimum, long wallClockMs) {
            List<SimulationReport.VehicleResult> vehicleResults = new ArrayList<>(vehicles.length);
            double degradationCost = 0;
            for (int i = 0; i < vehicles.length; i++) {
                Scenario.Vehicle v = vehicles[i];
                double wearCost = batteryOutKwh[i] * wearPerKwh[i];
                degradationCost += wearCost;
                vehicleResults.add(new SimulationReport.VehicleResult(v.id(), v.arrivalSoc(), departureSoc[i],
                        v.departureSoc(), minSoc[i], chargedKwh[i], dischargedKwh[i], wearCost, metTarget(i)));
            }
            List<SimulationReport.SiteResult> siteResults = new ArrayList<>(meters.length);
            for (int k = 0; k < meters.length; k++) {
                SiteMeter m = meters[k];
                siteResults.add(new SimulationReport.SiteResult(s.sites().get(k).id(), m.limitKw(), m.peakKw(),
                        m.peak15MinKw(), m.secondsOverLimit()));
            }
            double revenue = markets.revenue();
            double energy = energyCost();
            double demand = demandCharge();
            SimulationReport.Cost cost = new SimulationReport.Cost(energy, demand, degradationCost, revenue,
                    energy + demand + degradationCost - revenue);
            SimulationReport.DumbCharging dumbCharging = new SimulationReport.DumbCharging(dumb.peakKw(),
                    new SimulationReport.OptimumCost.Cost(dumb.energyCost(), dumb.demandCharge(),
                            dumb.energyCost() + dumb.demandCharge()),
                    new SimulationReport.DumbViolations(dumb.departureViolations(), dumb.siteLimitViolations()));
            SimulationReport.OptimumCost offline = optimum == null ? null : optimum.comparedWith(energy + demand);
            return new SimulationReport(s.name(), vehicleResults, siteResults, cost, markets.results(),
                    new SimulationReport.Violations(reserveViolations, departureViolations(), siteLimitViolations(),
                            drViolations), dumbCharging, offline, wallClockMs);
        }
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
