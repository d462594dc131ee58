package org.gridfleet.aggregator.dispatch;

import org.gridfleet.market.ProductKind;
import org.gridfleet.market.dr.DemandResponseLimit;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.v2g.control.Allocation;
import org.gridfleet.v2g.control.AllocatorConfig;
import org.gridfleet.v2g.control.LimitNode;
import org.gridfleet.v2g.control.LimitTree;
import org.gridfleet.v2g.control.PowerRange;
import org.gridfleet.v2g.control.SetpointAllocator;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleEnvelope;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Turns grid-service signals into vehicle setpoints, tick by tick (every RegD sample, every frequency sample).
 *
 * <p>At each tick: the fleet request = baseline + each active obligation's response
 * ({@link ActiveObligation#requestedKw}); plus a small SoC-restoring bias when one direction of energy headroom runs
 * short ({@link SocBalancing}); plus the settled shortfall of vehicles that lag their setpoints; capped by demand
 * response limits. The request is split over the sites by their room in the requested direction and handed to the
 * control core's {@link SetpointAllocator}: its envelopes guarantee that no site or nested limit, reserve or
 * departure floor is given up to chase a signal. Only setpoints that moved beyond the hysteresis band go to the
 * {@link SetpointSink}.
 *
 * <p>Closed loop: each vehicle's metered power is compared with its setpoint once the charger had
 * {@link DispatchConfig#responseGrace} to act. A vehicle off its setpoint for {@link DispatchConfig#strikesToExclude}
 * judged ticks is a non-responder: its metered power is taken off the target and the others follow what remains, so
 * its share is re-dispatched to the vehicles that do follow; its site and limit nodes carry the higher of its metered
 * power and its last setpoint, so room it leaves unused is never handed out while it may still take it.
 *
 * <p>Without an active obligation or demand-response limit the dispatcher follows the plan (the allocator with
 * hysteresis). Power in kW, positive = import. Not thread-safe: drive it from one thread (the event loop or the
 * simulator).
 */
public final class Dispatcher {

    private static final double EPS = 1e-6;

    private final DispatchConfig config;
    private final SocBalancing balancing;
    private final SetpointSink sink;
    private final DispatchMetrics metrics;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final SetpointAllocator allocator;

    private final List<ActiveObligation> obligations = new ArrayList<>();
    private final List<SignalState> signals = new ArrayList<>();
    private DemandResponseLimits drLimits = new DemandResponseLimits(List.of());

    private final Map<String, VehicleFollowing> following = new HashMap<>();
    private final List<VehicleState> responding = new ArrayList<>();
    private final LeaningPlan leaningPlan = new LeaningPlan();
    private final Map<String, Double> siteTargets = new HashMap<>();
    private double[] restKw = new double[0];
    private double[] lowKw = new double[0];
    private double[] highKw = new double[0];
    private double[] allocatedX = new double[0];
    /** Each responding vehicle's limit node this tick (looked up once). */
    private int[] leafOf = new int[0];
    private double[] slackKw = new double[0];
    private double[] keptKw = new double[0];
    private double[] siteSumKw = new double[0];
    private long tickNo;
    /** The slow SoC loop runs every {@link SocBalancing#every()}; its results hold in between. */
    private Instant balancedAt;
    private double fleetBiasKw;
    /** {@code nanoTime} arrival of the oldest queued sample not yet answered by a tick. */
    private long oldestArrivalNanos;
    private boolean arrivalPending;

    /** The latest value of one obligation's signal, and the one before it for the lead extrapolation. */
    private static final class SignalState {
        double value = Double.NaN;
        double previous = Double.NaN;
        Instant at;
        Instant previousAt;
    }

    /**
     * @param config thresholds and the hysteresis band
     * @param balancing SoC headroom management ({@link SocBalancing#off()} to disable)
     * @param sink where changed setpoints go
     * @param metrics where tick figures go ({@link DispatchMetrics#NOOP} for none)
     * @param clock the tick time (the signal's arrival time in live operation, simulated time in the simulator)
     * @param nanoTime a monotonic nanosecond source for the latency metric only (System::nanoTime)
     */
    public Dispatcher(DispatchConfig config, SocBalancing balancing, SetpointSink sink, DispatchMetrics metrics,
                      Clock clock, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config");
        this.balancing = Objects.requireNonNull(balancing, "balancing");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.allocator = new SetpointAllocator(new AllocatorConfig(config.hysteresisKw(), Duration.ZERO));
    }

    /** Starts following an obligation (it acts only inside its delivery period); its signal is missing until set. */
    public void activate(ActiveObligation obligation) {
        Objects.requireNonNull(obligation, "obligation");
        if (indexOf(obligation.obligationId()) >= 0) {
            throw new IllegalArgumentException("obligationId " + obligation.obligationId() + " is already active");
        }
        obligations.add(obligation);
        signals.add(new SignalState());
    }

    /** Stops following an obligation; unknown ids are ignored. */
    public void deactivate(String obligationId) {
        int i = indexOf(obligationId);
        if (i >= 0) {
            obligations.remove(i);
            signals.remove(i);
        }
    }

    /** The obligations followed now (in their period or not). */
    public List<ActiveObligation> obligations() {
        return List.copyOf(obligations);
    }

    /** Replaces the demand-response limits in force (site import/export caps). */
    public void limits(DemandResponseLimits limits) {
        this.drLimits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Records a signal sample (normalized regulation signal, or frequency in Hz) for one obligation without
     * dispatching, stamped with the clock's instant; {@link #tick} uses the latest samples.
     *
     * @throws IllegalArgumentException if the obligation is not active or the value is infinite
     */
    public void updateSignal(String obligationId, double value) {
        record(obligationId, clock.instant(), value);
    }

    /**
     * Records a sample queued before the tick: stamped {@code at} as the market stamped it (not when the tick gets to
     * it), and {@code arrivalNanos} ({@code nanoTime}) when it reached Gridfleet, so the next tick's latency metric
     * runs from the oldest sample it answers. A sample older than the one held is ignored (the signal never goes
     * back in time); one at the same instant replaces its value.
     *
     * @throws IllegalArgumentException if the obligation is not active or the value is infinite
     */
    public void updateSignal(String obligationId, Instant at, double value, long arrivalNanos) {
        Objects.requireNonNull(at, "at");
        if (record(obligationId, at, value)
                && (!arrivalPending || arrivalNanos - oldestArrivalNanos < 0)) {
            oldestArrivalNanos = arrivalNanos;
            arrivalPending = true;
        }
    }

    /** Whether the obligation is followed now (in its period or not); allocation-free. */
    public boolean follows(String obligationId) {
        return indexOf(obligationId) >= 0;
    }

    private boolean record(String obligationId, Instant at, double value) {
        int i = indexOf(obligationId);
        if (i < 0) {
            throw new IllegalArgumentException("obligationId " + obligationId + " is not active");
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("signal value must be finite or NaN (missing), but was " + value);
        }
        SignalState s = signals.get(i);
        if (s.at != null && at.isBefore(s.at)) {
            return false;
        }
        if (!at.equals(s.at)) {
            s.previous = s.value;
            s.previousAt = s.at;
        }
        s.value = value;
        s.at = at;
        return true;
    }

    /** A signal sample arrived: records it and dispatches at once. */
    public DispatchRecord onSignal(String obligationId, double value, FleetSnapshot fleet) {
        long arrived = nanoTime.getAsLong();
        updateSignal(obligationId, value);
        return tick(fleet, arrived);
    }

    /**
     * One dispatch tick at the clock's instant.
     *
     * @param fleet the fleet now
     * @param arrivalNanos {@code nanoTime} when the triggering signal arrived (for the latency metric); a sample
     *     queued earlier ({@link #updateSignal(String, Instant, double, long)}) counts from its own arrival
     * @return the performance record of the tick
     */
    public DispatchRecord tick(FleetSnapshot fleet, long arrivalNanos) {
        Instant now = clock.instant();
        tickNo++;
        Map<String, Double> extraLoadKw = null;
        double excludedKw = 0;
        double settledShortfallKw = 0;
        double meteredKw = 0;
        int metered = 0;
        int nonResponders = 0;
        responding.clear();
        for (VehicleState v : fleet.vehicles()) {
            VehicleFollowing f = following.computeIfAbsent(v.vehicleId(), id -> new VehicleFollowing());
            f.seenTick = tickNo;
            Double m = fleet.meteredKw().get(v.vehicleId());
            double mk = m == null ? Double.NaN : m;
            if (!Double.isNaN(mk)) {
                meteredKw += mk;
                metered++;
            }
            if (f.judge(mk, now, config)) {
                double sent = Double.isNaN(f.sentKw) ? 0 : f.sentKw;
                double load = Double.isNaN(mk) ? sent : mk;
                if (extraLoadKw == null) {
                    extraLoadKw = new HashMap<>();
                }
                // its limits hold the higher of what it draws and what it may still take: one drawing less than its
                // setpoint can return to it at any moment (a DB outage IT showed 33 kW of setpoints on 28.5 kW)
                addLoad(extraLoadKw, fleet, v, Math.max(load, sent));
                excludedKw += load;
                nonResponders++;
            } else {
                responding.add(v);
                if (!Double.isNaN(f.settledErrorKw)) {
                    settledShortfallKw += f.settledErrorKw;
                }
            }
        }
        if (following.size() > fleet.vehicles().size()) {
            following.values().removeIf(f -> f.seenTick != tickNo);
        }
        LimitTree tree = extraLoadKw == null
                ? LimitTree.of(fleet.sites(), fleet.nodes(), fleet.vehicleNode())
                : treeWithLoad(fleet, extraLoadKw);

        int n = responding.size();
        ensureCapacity(n);
        int sites = tree.size();
        double[] siteRest = new double[sites];
        double[] siteUp = new double[sites];
        double[] siteDown = new double[sites];
        double restTotal = 0;
        for (int i = 0; i < n; i++) {
            VehicleState v = responding.get(i);
            PowerRange r = VehicleEnvelope.range(v, now, config.holdFor());
            Double planned = fleet.plannedKw().get(v.vehicleId());
            restKw[i] = r.clamp(planned == null ? 0 : planned);
            lowKw[i] = r.minKw();
            highKw[i] = r.maxKw();
            leafOf[i] = tree.nodeOf(v);
            int s = tree.root(leafOf[i]);
            siteRest[s] += restKw[i];
            siteUp[s] += highKw[i] - restKw[i];
            siteDown[s] += restKw[i] - lowKw[i];
            restTotal += restKw[i];
        }

        boolean active = false;
        double baselineKw = restTotal + excludedKw;
        double requestedKw = baselineKw;
        double awardedKw = 0;
        for (int k = 0; k < obligations.size(); k++) {
            ActiveObligation o = obligations.get(k);
            if (!o.period().contains(now)) {
                continue;
            }
            double base = o.baselineKw(now);
            if (!active) {
                baselineKw = base;
                requestedKw = base;
                active = true;
            }
            requestedKw += o.requestedKw(now, leadSignal(signals.get(k), o.kind(), now)) - base;
            awardedKw += o.awardedKw();
        }

        double biasKw = 0;
        double correctionKw = 0;
        Map<String, Double> plan = fleet.plannedKw();
        if (active) {
            if (balancedAt == null || !now.isBefore(balancedAt.plus(balancing.every()))) {
                fleetBiasKw = balance(now, n, awardedKw);
                balancedAt = now;
            }
            biasKw = fleetBiasKw;
            if (balancing.vehicleGain() > 0) {
                leaningPlan.schedule = fleet.plannedKw();
                plan = leaningPlan;
            }
            double cap = config.maxCorrectionFraction() * awardedKw;
            correctionKw = Math.max(-cap, Math.min(cap, config.correctionGain() * settledShortfallKw));
        }
        double aimKw = requestedKw + biasKw + correctionKw;
        double fleetBaseLoadKw = 0;
        for (SiteState s : fleet.sites().values()) {
            fleetBaseLoadKw += s.baseLoadKw();
        }
        double targetKw = clampToLimit(aimKw + fleetBaseLoadKw, DemandResponseLimit.FLEET, now) - fleetBaseLoadKw;

        siteTargets.clear();
        boolean siteCaps = hasSiteLimit(fleet, now);
        if (active || siteCaps || Math.abs(targetKw - aimKw) > EPS) {
            double deltaKw = targetKw - excludedKw - restTotal;
            double room = 0;
            for (int s = 0; s < sites; s++) {
                room += deltaKw >= 0 ? siteUp[s] : siteDown[s];
            }
            for (int s = 0; s < sites; s++) {
                if (tree.parent(s) >= 0) {
                    continue;
                }
                String siteId = tree.nodeId(s);
                double share = room > EPS ? (deltaKw >= 0 ? siteUp[s] : siteDown[s]) / room : 0;
                double siteTarget = siteRest[s] + deltaKw * share;
                SiteState site = fleet.sites().get(siteId);
                double fixed = site.baseLoadKw() + (extraLoadKw == null ? 0 : extraLoadKw.getOrDefault(siteId, 0.0));
                siteTargets.put(siteId, clampToLimit(siteTarget + fixed, siteId, now) - fixed);
            }
        }

        Allocation a = allocator.allocate(now, config.holdFor(), responding, tree, plan, siteTargets);
        int sent = emit(now, n, tree, a.setpointsKw());
        double allocatedKw = excludedKw;
        for (int i = 0; i < n; i++) {
            allocatedKw += following.get(responding.get(i).vehicleId()).sentKw;
        }
        if (!siteTargets.isEmpty()) {
            targetKw = excludedKw;
            for (double kw : siteTargets.values()) {
                targetKw += kw;
            }
        }
        long since = arrivalPending && oldestArrivalNanos - arrivalNanos < 0 ? oldestArrivalNanos : arrivalNanos;
        arrivalPending = false;
        long latency = nanoTime.getAsLong() - since;
        // short of the market request, or of a demand-response cap the floors did not let it honour
        double undeliverableKw = Math.max(Math.abs(aimKw - allocatedKw), Math.abs(targetKw - allocatedKw));
        boolean undeliverable = undeliverableKw > config.undeliverableToleranceKw();
        double fleetMeteredKw = metered == 0 ? Double.NaN : meteredKw;
        double trackingErrorKw = metered == 0 ? 0 : Math.abs(requestedKw - fleetMeteredKw);
        metrics.tick(latency, trackingErrorKw, undeliverableKw, sent, nonResponders);
        return new DispatchRecord(now, baselineKw, requestedKw, targetKw, allocatedKw, fleetMeteredKw,
                undeliverableKw, undeliverable, sent, nonResponders);
    }

    /**
     * Hands over the setpoints that moved beyond the band. A smaller move keeps the setpoint in force when that is
     * still safe (inside the vehicle's range and, when it means more import than allocated, within the slack of
     * every limit node above the vehicle) and the site's kept differences stay within half a band in total, so the
     * fleet still meets its target (the allocator's own hysteresis pins once, then re-spreads the rest onto a
     * marginal vehicle whose small move would otherwise pile up).
     */
    private int emit(Instant now, int n, LimitTree tree, Map<String, Double> setpoints) {
        double[] slack = slackKw;
        if (slack.length < tree.size()) {
            slack = slackKw = new double[tree.size()];
        }
        for (int nd = 0; nd < tree.size(); nd++) {
            slack[nd] = tree.evCapacityKw(nd);
        }
        double[] siteSum = siteSumKw;
        if (siteSum.length < tree.size()) {
            siteSum = siteSumKw = new double[tree.size()];
        }
        Arrays.fill(siteSum, 0);
        for (int i = 0; i < n; i++) {
            double x = setpoints.get(responding.get(i).vehicleId());
            allocatedX[i] = x;
            int leaf = leafOf[i];
            siteSum[tree.root(leaf)] += x;
            for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
                slack[nd] -= x;
            }
        }
        closeGaps(n, tree, slack, siteSum);
        double[] kept = keptKw;
        if (kept.length < tree.size()) {
            kept = keptKw = new double[tree.size()];
        }
        Arrays.fill(kept, 0);
        double budget = config.hysteresisKw() / 2;
        int sent = 0;
        for (int i = 0; i < n; i++) {
            VehicleState v = responding.get(i);
            VehicleFollowing f = following.get(v.vehicleId());
            double x = allocatedX[i];
            if (!Double.isNaN(f.sentKw) && Math.abs(x - f.sentKw) <= EPS) {
                continue;
            }
            int leaf = leafOf[i];
            int site = tree.root(leaf);
            double diff = f.sentKw - x;
            if (!Double.isNaN(f.sentKw) && Math.abs(diff) < config.hysteresisKw()
                    && f.sentKw >= lowKw[i] - EPS && f.sentKw <= highKw[i] + EPS
                    && Math.abs(kept[site] + diff) <= budget
                    && fitsSlack(tree, leaf, diff, slack)) {
                kept[site] += diff;
                continue;
            }
            sink.accept(v.vehicleId(), x);
            f.sent(x, now);
            sent++;
        }
        return sent;
    }

    /**
     * The allocator pins every small move once and re-spreads the rest; when every free vehicle is already at a
     * bound that leaves a site short of its target. Moves vehicles within their range and the limits' slack until
     * each site is within half a band of its target (the latest-start floor is the lower bound, so no departure is
     * put at risk).
     */
    private void closeGaps(int n, LimitTree tree, double[] slack, double[] siteSum) {
        double tolerance = config.hysteresisKw() / 2;
        for (Map.Entry<String, Double> target : siteTargets.entrySet()) {
            int site = tree.indexOf(target.getKey());
            double gap = target.getValue() - siteSum[site];
            for (int i = 0; i < n && Math.abs(gap) > tolerance; i++) {
                int leaf = leafOf[i];
                if (tree.root(leaf) != site) {
                    continue;
                }
                double move;
                if (gap < 0) {
                    move = -Math.min(-gap, Math.max(0, allocatedX[i] - lowKw[i]));
                } else {
                    move = Math.min(gap, Math.max(0, highKw[i] - allocatedX[i]));
                    for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
                        move = Math.min(move, Math.max(0, slack[nd]));
                    }
                }
                if (move != 0) {
                    allocatedX[i] += move;
                    gap -= move;
                    for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
                        slack[nd] -= move;
                    }
                }
            }
        }
    }

    /** Takes {@code extraKw} of import from every node on the path when they all have that slack. */
    private static boolean fitsSlack(LimitTree tree, int leaf, double extraKw, double[] slack) {
        if (extraKw <= 0) {
            for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
                slack[nd] -= extraKw;
            }
            return true;
        }
        for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
            if (slack[nd] < extraKw) {
                return false;
            }
        }
        for (int nd = leaf; nd >= 0; nd = tree.parent(nd)) {
            slack[nd] -= extraKw;
        }
        return true;
    }

    /** The fleet SoC bias, kW, and (as a side effect) each vehicle's lean towards the middle of its band. */
    private double balance(Instant now, int n, double awardedKw) {
        if (balancing.maxBiasFraction() == 0 && balancing.vehicleGain() == 0) {
            return 0;
        }
        double hours = balancing.horizon().toMillis() / 3_600_000.0;
        Instant end = now.plus(balancing.horizon());
        // leans move in steps of two bands: a smaller drift would be pinned by the allocator's hysteresis on every
        // vehicle at once and leave no vehicle free to meet the site target
        double quantum = 2 * config.hysteresisKw();
        double up = 0;
        double down = 0;
        for (int i = 0; i < n; i++) {
            VehicleState v = responding.get(i);
            double energyAtEnd = SocHeadroom.energyAfterKwh(v, restKw[i], hours);
            up += SocHeadroom.upKwh(v, energyAtEnd);
            down += SocHeadroom.downKwh(v, energyAtEnd, end);
            if (balancing.vehicleGain() > 0) {
                double lean = balancing.vehicleGain() * (0.5 - SocHeadroom.position(v, energyAtEnd, end))
                        * (highKw[i] - lowKw[i]);
                following.get(v.vehicleId()).leanKw = quantum > 0 ? Math.rint(lean / quantum) * quantum : lean;
            }
        }
        return SocHeadroom.fleetBiasKw(up, down, awardedKw * balancing.excursionKwhPerKw(), hours,
                balancing.maxBiasFraction() * awardedKw);
    }

    /**
     * The schedule plus each vehicle's lean, read by the allocator through {@code getOrDefault} only; a view, so a
     * tick copies no map (vehicles that arrived since the last balancing have no lean yet). The allocator clamps
     * the result into each vehicle's range.
     */
    private final class LeaningPlan extends AbstractMap<String, Double> {
        Map<String, Double> schedule = Map.of();

        @Override
        public Double getOrDefault(Object vehicleId, Double otherwise) {
            Double planned = schedule.get(vehicleId);
            VehicleFollowing f = following.get(vehicleId);
            return (planned == null ? otherwise : planned) + (f == null ? 0 : f.leanKw);
        }

        @Override
        public Double get(Object vehicleId) {
            return getOrDefault(vehicleId, 0.0);
        }

        @Override
        public Set<Entry<String, Double>> entrySet() {
            return schedule.entrySet();
        }
    }

    /** The latest signal, extrapolated {@code leadSeconds} ahead along its last step (regulation kept in [-1, 1]). */
    private double leadSignal(SignalState s, ProductKind kind, Instant now) {
        if (config.leadSeconds() == 0 || Double.isNaN(s.previous) || Double.isNaN(s.value) || s.previousAt == null) {
            return s.value;
        }
        double stepSeconds = Duration.between(s.previousAt, s.at).toMillis() / 1000.0;
        if (stepSeconds <= 0) {
            return s.value;
        }
        double led = s.value + (s.value - s.previous) * config.leadSeconds() / stepSeconds;
        return kind == ProductKind.REGULATION ? Math.max(-1, Math.min(1, led)) : led;
    }

    /**
     * Clamps to the demand-response caps in force, aiming one hysteresis band inside each: a target is met to within
     * half a band (closing gaps) plus half a band of setpoints kept in force, and a utility's cap must never be
     * crossed.
     */
    private double clampToLimit(double siteImportKw, String scope, Instant now) {
        double max = drLimits.maxKw(scope, now) - config.hysteresisKw();
        double min = drLimits.minKw(scope, now) + config.hysteresisKw();
        return Math.max(min, Math.min(max, siteImportKw));
    }

    private boolean hasSiteLimit(FleetSnapshot fleet, Instant now) {
        if (drLimits.limits().isEmpty()) {
            return false;
        }
        for (String siteId : fleet.sites().keySet()) {
            if (Double.isFinite(drLimits.maxKw(siteId, now)) || Double.isFinite(drLimits.minKw(siteId, now))) {
                return true;
            }
        }
        return false;
    }

    /** Adds a non-responder's power to its node and every node above it (its site included). */
    private static void addLoad(Map<String, Double> loads, FleetSnapshot fleet, VehicleState v, double kw) {
        String node = fleet.vehicleNode().getOrDefault(v.vehicleId(), v.siteId());
        while (node != null) {
            loads.merge(node, kw, Double::sum);
            node = parentOf(fleet, node);
        }
    }

    private static String parentOf(FleetSnapshot fleet, String nodeId) {
        for (LimitNode n : fleet.nodes()) {
            if (n.nodeId().equals(nodeId)) {
                return n.parentId();
            }
        }
        return null;
    }

    /** The limit tree with non-responders' power added to the base load of the nodes they hang under. */
    private static LimitTree treeWithLoad(FleetSnapshot fleet, Map<String, Double> extra) {
        Map<String, SiteState> sites = new HashMap<>();
        fleet.sites().forEach((id, s) -> sites.put(id, new SiteState(id, s.limitKw(), s.headroomPct(),
                s.baseLoadKw() + extra.getOrDefault(id, 0.0), s.peak15MinKw())));
        List<LimitNode> nodes = new ArrayList<>(fleet.nodes().size());
        for (LimitNode n : fleet.nodes()) {
            nodes.add(new LimitNode(n.nodeId(), n.parentId(), n.limitKw(),
                    n.baseLoadKw() + extra.getOrDefault(n.nodeId(), 0.0)));
        }
        return LimitTree.of(sites, nodes, fleet.vehicleNode());
    }

    private void ensureCapacity(int n) {
        if (restKw.length < n) {
            int size = Math.max(n, restKw.length * 3 / 2);
            restKw = new double[size];
            lowKw = new double[size];
            highKw = new double[size];
            allocatedX = new double[size];
            leafOf = new int[size];
        }
    }

    private int indexOf(String obligationId) {
        for (int i = 0; i < obligations.size(); i++) {
            if (obligations.get(i).obligationId().equals(obligationId)) {
                return i;
            }
        }
        return -1;
    }

    /** The vehicles excluded now for not following their setpoints (for operators; not for the hot path). */
    public Set<String> nonResponders() {
        Set<String> out = new TreeSet<>();
        following.forEach((id, f) -> {
            if (f.excluded) {
                out.add(id);
            }
        });
        return out;
    }
}
