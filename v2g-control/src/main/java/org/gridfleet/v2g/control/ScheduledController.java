package org.gridfleet.v2g.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The production {@link ChargingController}: a receding-horizon LP schedule gives each vehicle a planned power;
 * the {@link SetpointAllocator} turns the plan (or a site target from grid services) into safe setpoints.
 *
 * <p>The LP runs on coarse steps ({@link ScheduledControllerConfig#lpStep()}) and is re-solved every
 * {@link ScheduledControllerConfig#resolveEvery()} or, at most every
 * {@link ScheduledControllerConfig#minResolveGap()} (at once at sites small enough not to aggregate), when
 * vehicles arrive or leave. Between solves a vehicle not
 * yet in the plan plans 0 kW, and the allocator still lifts it to its latest-start floor. Large fleets are merged
 * per limit node and departure bucket into virtual batteries; their plan is split in proportion to each member's
 * room for the step.
 *
 * <p>Not thread-safe: one instance per control loop.
 */
public final class ScheduledController implements ChargingController {

    /**
     * The plan (not the floor) has a vehicle at its target this share of its stay before departure: 10 %, at most
     * {@link #PLAN_MARGIN_CAP}. The latest-start floor still runs to departure; a plan that finishes early keeps room
     * at the end of each stay for what it cannot see, vehicles that arrive later and chargers that lag, where a
     * cheap hour just before the departures would otherwise fill the site to its limit (ACN-Sim March 2019 as one
     * month: 46 feasible targets missed without a margin, 20 with 5 minutes, none with this; BENCHMARKS.md).
     */
    static final double PLAN_MARGIN_SHARE = 0.1;
    /** The longest planning margin: 15 minutes. */
    static final Duration PLAN_MARGIN_CAP = Duration.ofMinutes(15);

    private final ScheduledControllerConfig config;
    private final ArrivalForecast forecast;
    private final SetpointAllocator allocator;
    /** The current plan of each site by site id; sites share no constraint, so each is solved on its own. */
    private final Map<String, Plan> plans = new HashMap<>();
    /** Each site's grid energy so far in the current billing quarter hour, from the setpoints sent. */
    private final Map<String, QuarterEnergy> metered = new HashMap<>();
    /** When each vehicle present was first seen plugged in, for its planning margin. */
    private final Map<String, Instant> firstSeen = new HashMap<>();

    /** @param config settings, e.g. {@link ScheduledControllerConfig#ofDefaults()} */
    public ScheduledController(ScheduledControllerConfig config) {
        this(config, ArrivalForecast.NONE);
    }

    /**
     * @param config settings, e.g. {@link ScheduledControllerConfig#ofDefaults()}
     * @param forecast vehicles expected later, planned beside those present
     */
    public ScheduledController(ScheduledControllerConfig config, ArrivalForecast forecast) {
        this.config = Objects.requireNonNull(config, "config");
        this.forecast = Objects.requireNonNull(forecast, "forecast");
        this.allocator = new SetpointAllocator(config.allocator());
    }

    /**
     * One site's schedule: the LP unit of each vehicle and each unit's planned power per LP step, the steps aligned
     * to the clock from {@code gridStartMs} (epoch milliseconds) like the billing quarter hours.
     */
    private record Plan(Instant solvedAt, long gridStartMs, Map<String, Integer> unitOfVehicle,
                        double[][] unitPowerKw, int vehicleCount, boolean solved) {
    }

    /** Grid energy of one site within one LP step of the clock-aligned grid, kWh. */
    private static final class QuarterEnergy {
        long stepStartMs = Long.MIN_VALUE;
        double kwh;

        /** Adds {@code kw} held over [fromMs, toMs), keeping only the part in the last step it reaches. */
        void add(long fromMs, long toMs, double kw, long stepMs) {
            long lastStart = Math.floorDiv(toMs - 1, stepMs) * stepMs;
            if (lastStart != stepStartMs) {
                stepStartMs = lastStart;
                kwh = 0;
            }
            kwh += kw * (toMs - Math.max(fromMs, lastStart)) / 3_600_000.0;
        }

        /** Energy metered in the grid step starting at {@code startMs}, kWh (0 if none was recorded). */
        double kwhIn(long startMs) {
            return startMs == stepStartMs ? kwh : 0;
        }
    }

    @Override
    public Map<String, Double> control(ControlInput input) {
        return step(input).setpointsKw();
    }

    /** One control step with its diagnostics: unreachable targets, vehicles held below their floor. */
    public ControlStep step(ControlInput input) {
        LimitTree tree = LimitTree.of(input.sites(), config.limitNodes(), config.vehicleNode());
        List<VehicleState> vehiclesIn = withAttainableChargeKw(input.vehicles(), tree);
        Map<String, List<VehicleState>> bySite = new HashMap<>();
        for (VehicleState v : vehiclesIn) {
            bySite.computeIfAbsent(v.siteId(), k -> new ArrayList<>()).add(v);
        }
        plans.keySet().retainAll(bySite.keySet());
        Map<String, Instant> seen = new HashMap<>(vehiclesIn.size() * 2);
        for (VehicleState v : vehiclesIn) {
            seen.put(v.vehicleId(), firstSeen.getOrDefault(v.vehicleId(), input.now()));
        }
        firstSeen.clear();
        firstSeen.putAll(seen);
        List<String> due = new ArrayList<>();
        Map<String, List<ArrivalForecast.ExpectedArrival>> expected = new HashMap<>();
        for (Map.Entry<String, List<VehicleState>> e : bySite.entrySet()) {
            if (needsSolve(plans.get(e.getKey()), e.getValue(), input.now())) {
                due.add(e.getKey());
                // asked here, one site after the other: the port need not be thread-safe
                expected.put(e.getKey(), forecast.expected(e.getKey(), input.now(),
                        input.now().plus(config.horizon())));
            }
        }
        // the sites' LPs share nothing, so several are solved side by side, one per core
        List<Plan> solved = (due.size() > 1 ? due.parallelStream() : due.stream())
                .map(id -> solve(input, id, bySite.get(id), tree, expected.get(id))).toList();
        for (int i = 0; i < due.size(); i++) {
            plans.put(due.get(i), solved.get(i));
        }
        boolean resolved = !due.isEmpty();
        List<String> unsolved = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            if (!solved.get(i).solved()) {
                unsolved.add(due.get(i));
            }
        }
        Map<String, Double> planned = new HashMap<>(vehiclesIn.size() * 2);
        bySite.forEach((siteId, vehicles) -> plannedKw(plans.get(siteId), vehicles, input, planned));
        Allocation a = allocator.allocate(input.now(), input.step(), vehiclesIn, tree, planned,
                input.siteTargetKw());
        meter(input, a.setpointsKw());
        List<String> unreachable = new ArrayList<>();
        for (VehicleState v : vehiclesIn) {
            if (!VehicleEnvelope.targetReachable(v, input.now())) {
                unreachable.add(v.vehicleId());
            }
        }
        return new ControlStep(a.setpointsKw(), unreachable, a.belowFloor(), resolved, unsolved);
    }

    /** Adds this step's setpoints and base load to each site's energy in the current billing step. */
    private void meter(ControlInput input, Map<String, Double> setpointsKw) {
        Map<String, Double> siteKw = new HashMap<>();
        input.sites().forEach((id, site) -> siteKw.put(id, site.baseLoadKw()));
        for (VehicleState v : input.vehicles()) {
            siteKw.merge(v.siteId(), setpointsKw.getOrDefault(v.vehicleId(), 0.0), Double::sum);
        }
        long fromMs = input.now().toEpochMilli();
        long toMs = fromMs + input.step().toMillis();
        metered.keySet().retainAll(siteKw.keySet());
        siteKw.forEach((id, kw) -> metered.computeIfAbsent(id, k -> new QuarterEnergy())
                .add(fromMs, toMs, kw, config.lpStep().toMillis()));
    }

    /**
     * The vehicles with their charge limit cut to the least EV capacity above them: the latest-start floor assumes
     * full power, and a charger behind a smaller site limit never gets it, so its floor must start earlier (else the
     * plan's last kW can be lost to hysteresis or rounding with no floor to catch it). Copies only those cut.
     */
    private static List<VehicleState> withAttainableChargeKw(List<VehicleState> vehicles, LimitTree tree) {
        List<VehicleState> out = null;
        for (int i = 0; i < vehicles.size(); i++) {
            VehicleState v = vehicles.get(i);
            double capKw = v.maxChargeKw();
            for (int nd = tree.nodeOf(v); nd >= 0; nd = tree.parent(nd)) {
                capKw = Math.min(capKw, Math.max(0, tree.evCapacityKw(nd)));
            }
            if (capKw < v.maxChargeKw()) {
                if (out == null) {
                    out = new ArrayList<>(vehicles);
                }
                out.set(i, new VehicleState(v.vehicleId(), v.siteId(), v.batteryKwh(), v.soc(), v.reserveSoc(),
                        v.targetSoc(), v.departure(), capKw, v.maxDischargeKw(), v.efficiency(),
                        v.degradationCostPerKwh(), v.urgent()));
            }
        }
        return out == null ? vehicles : out;
    }

    private boolean needsSolve(Plan plan, List<VehicleState> vehicles, Instant now) {
        if (plan == null) {
            return true;
        }
        Duration sinceSolve = Duration.between(plan.solvedAt(), now);
        if (sinceSolve.compareTo(config.resolveEvery()) >= 0) {
            return true;
        }
        // a per-vehicle LP is cheap: re-plan at once, since a short visit may be over before the gap ends
        boolean aggregated = vehicles.size() > config.aggregateAbove();
        if (aggregated && sinceSolve.compareTo(config.minResolveGap()) < 0) {
            return false;
        }
        int known = 0;
        for (VehicleState v : vehicles) {
            if (plan.unitOfVehicle().containsKey(v.vehicleId())) {
                known++;
            }
        }
        return known != vehicles.size() || known != plan.vehicleCount();
    }

    /**
     * How long before departure the plan (not the floor) has a vehicle at its target: {@link #PLAN_MARGIN_SHARE} of
     * its stay, at most {@link #PLAN_MARGIN_CAP}, on top of the lag allowance.
     */
    static Duration planMargin(Instant pluggedIn, Instant departure) {
        long shareMs = (long) (Math.max(0, departure.toEpochMilli() - pluggedIn.toEpochMilli()) * PLAN_MARGIN_SHARE);
        return Duration.ofMillis(Math.min(shareMs, PLAN_MARGIN_CAP.toMillis())).plus(VehicleEnvelope.LAG_ALLOWANCE);
    }

    private Plan solve(ControlInput in, String siteId, List<VehicleState> vehicles, LimitTree tree,
                       List<ArrivalForecast.ExpectedArrival> expected) {
        Duration lpStep = config.lpStep();
        long nowMs = in.now().toEpochMilli();
        // steps aligned to the clock like the billing quarter hours, so a step's average is what the meter bills
        long gridStartMs = Math.floorDiv(nowMs, lpStep.toMillis()) * lpStep.toMillis();
        Instant gridStart = Instant.ofEpochMilli(gridStartMs);
        // the horizon ends at the last departure: later steps only hold base load, a constant cost
        long lastDepartureMs = nowMs + lpStep.toMillis();
        for (VehicleState v : vehicles) {
            lastDepartureMs = Math.max(lastDepartureMs, v.departure().toEpochMilli());
        }
        for (ArrivalForecast.ExpectedArrival e : expected) {
            lastDepartureMs = Math.max(lastDepartureMs, e.departure().toEpochMilli());
        }
        long horizonMs = Math.min(config.horizon().toMillis(), lastDepartureMs - nowMs) + (nowMs - gridStartMs);
        int steps = (int) Math.ceil((double) horizonMs / lpStep.toMillis());
        boolean aggregate = vehicles.size() > config.aggregateAbove();
        Map<String, List<LpUnit>> groups = new LinkedHashMap<>();
        Map<String, String> groupOfVehicle = new HashMap<>();
        for (VehicleState v : vehicles) {
            ChargingPreference pref = config.preferenceOf(v.vehicleId());
            LpUnit unit = LpUnit.of(v, pref, tree.nodeOf(v), in.now(), gridStart, lpStep, steps,
                    planMargin(firstSeen.get(v.vehicleId()), v.departure()));
            String key = aggregate ? groupKey(v, pref, tree, in.now()) : v.vehicleId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(unit);
            groupOfVehicle.put(v.vehicleId(), key);
        }
        List<LpUnit> units = new ArrayList<>(groups.size());
        Map<String, Integer> unitIndex = new HashMap<>();
        for (Map.Entry<String, List<LpUnit>> g : groups.entrySet()) {
            unitIndex.put(g.getKey(), units.size());
            units.add(g.getValue().size() == 1 ? g.getValue().get(0) : LpUnit.merge(g.getValue()));
        }
        SiteState site = in.sites().get(siteId);
        if (site == null) {
            throw new IllegalArgumentException("vehicle site " + siteId + " is not among the input's sites");
        }
        int siteIndex = tree.indexOf(siteId);
        for (ArrivalForecast.ExpectedArrival e : expected) {
            units.add(LpUnit.of(e.asVehicle(siteId), ChargingPreference.LOWEST_COST, siteIndex, e.arrival(),
                    gridStart, lpStep, steps, planMargin(e.arrival(), e.departure())));
        }
        double[] carbon = new double[steps];
        for (int k = 0; k < steps; k++) {
            carbon[k] = config.carbonCostPerKwh().priceAt(Instant.ofEpochMilli(gridStartMs + k * lpStep.toMillis()));
        }
        QuarterEnergy soFar = metered.get(siteId);
        ScheduleLp.FirstStep first = new ScheduleLp.FirstStep((nowMs - gridStartMs) / 3_600_000.0,
                Map.of(siteIndex, soFar == null ? 0.0 : soFar.kwhIn(gridStartMs)));
        Map<String, Integer> unitOfVehicle = new HashMap<>();
        groupOfVehicle.forEach((id, key) -> unitOfVehicle.put(id, unitIndex.get(key)));
        try {
            ScheduleLp.Result r = ScheduleLp.solve(units, tree, Map.of(siteIndex, site), in.tariff(), gridStart,
                    lpStep, steps, carbon, first);
            return new Plan(in.now(), gridStartMs, unitOfVehicle, r.unitPowerKw(), vehicles.size(), true);
        } catch (ScheduleLp.NotOptimal e) {
            // e.g. a price or demand charge so large GLOP cannot scale the model; the allocator alone still keeps
            // every floor and limit, and the site is tried again at its next solve
            return new Plan(in.now(), gridStartMs, unitOfVehicle, new double[units.size()][steps], vehicles.size(),
                    false);
        }
    }

    /**
     * The virtual battery a vehicle joins: its limit node, departure bucket and preference, and whether it is due
     * at full power within an LP step. Such a vehicle charges at full power whatever its group plans (its floor says
     * so); merged with vehicles that have time to spare, its deficit would hide behind their surplus and the plan
     * would leave out that power, which then lands on top of the plan and can set a new peak.
     */
    private String groupKey(VehicleState v, ChargingPreference pref, LimitTree tree, Instant now) {
        long bucket = Math.max(0, Duration.between(now, v.departure()).toMillis())
                / config.departureBucket().toMillis();
        boolean due = VehicleEnvelope.slackHours(v, now) <= config.lpStep().toMillis() / 3_600_000.0;
        return tree.nodeOf(v) + "/" + bucket + "/" + (pref == ChargingPreference.GREENEST) + "/" + due;
    }

    /** Each unit's power in the current LP step, split over its present members by their room for this step. */
    private void plannedKw(Plan plan, List<VehicleState> vehicles, ControlInput in, Map<String, Double> planned) {
        int units = plan.unitPowerKw().length;
        if (units == 0) {
            return;
        }
        int k = (int) Math.min(plan.unitPowerKw()[0].length - 1,
                (in.now().toEpochMilli() - plan.gridStartMs()) / config.lpStep().toMillis());
        double[] chargeRoom = new double[units];
        double[] dischargeRoom = new double[units];
        PowerRange[] ranges = new PowerRange[vehicles.size()];
        for (int i = 0; i < ranges.length; i++) {
            VehicleState v = vehicles.get(i);
            Integer u = plan.unitOfVehicle().get(v.vehicleId());
            if (u != null) {
                ranges[i] = VehicleEnvelope.range(v, in.now(), in.step());
                chargeRoom[u] += ranges[i].maxKw();
                dischargeRoom[u] -= ranges[i].hardMinKw();
            }
        }
        for (int i = 0; i < ranges.length; i++) {
            VehicleState v = vehicles.get(i);
            Integer u = plan.unitOfVehicle().get(v.vehicleId());
            if (u == null) {
                continue;
            }
            double unitKw = plan.unitPowerKw()[u][k];
            double share = unitKw >= 0
                    ? (chargeRoom[u] > 0 ? ranges[i].maxKw() / chargeRoom[u] : 0)
                    : (dischargeRoom[u] > 0 ? -ranges[i].hardMinKw() / dischargeRoom[u] : 0);
            planned.put(v.vehicleId(), unitKw * share);
        }
    }
}
