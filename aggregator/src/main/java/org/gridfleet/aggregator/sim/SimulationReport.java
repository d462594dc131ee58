package org.gridfleet.aggregator.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The report of one simulation (docs/design/SCENARIO.md). Costs in the tariff's currency, power in kW. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationReport(String scenario, List<VehicleResult> vehicles, List<SiteResult> sites, Cost cost,
                               List<MarketResult> markets, Violations violations, DumbCharging dumbCharging,
                               OptimumCost offlineOptimum, long wallClockMs) {

    /** One vehicle; chargedKwh / dischargedKwh are grid-side energies, minSoc the lowest SoC while plugged. */
    public record VehicleResult(String id, double arrivalSoc, double departureSoc, double targetSoc, double minSoc,
                                double chargedKwh, double dischargedKwh, double degradationCost,
                                boolean metTarget) {
    }

    /** One site: peakKw is the highest step-average import. */
    public record SiteResult(String id, double limitKw, double peakKw, double peak15MinKw, long secondsOverLimit) {
    }

    /** total = energy + demandCharge + degradation - marketRevenue. */
    public record Cost(double energy, double demandCharge, double degradation, double marketRevenue,
                       double total) {
    }

    /**
     * A grid-service window's delivery, supplied by a {@link SiteTargetSource}: the PJM Manual 12 score averaged
     * over its scored hours, its hours (scored, delivered in full with no undeliverable tick) and its credits.
     */
    public record MarketResult(String product, double capacityKw, Score score, int hours, int scoredHours,
                               int fullHours, double revenue) {
    }

    public record Score(double accuracy, double delay, double precision, double composite) {
    }

    /** Vehicle-steps (reserve), vehicles (departure) and site-steps (siteLimit, drLimit) that broke a rule. */
    public record Violations(int reserve, int departure, int siteLimit, int drLimit) {
    }

    /** The fleet at full power from arrival until full: the baseline a fleet owner compares against. */
    public record DumbCharging(double peakKw, OptimumCost.Cost cost, DumbViolations violations) {
    }

    public record DumbViolations(int departure, int siteLimit) {
    }

    /**
     * The perfect-foresight optimum: {@code {cost: {energy, demandCharge, total}}} (no degradation or markets), how
     * many vehicles even it cannot bring to their target ({@code missedDepartures}) and which ({@code
     * missedVehicles}, by id: a site limit that cannot serve every visit at once leaves some short whatever the
     * control), and {@code controllerCostRatio} = the controller's energy + demand charge over the optimum's total
     * (1 = optimal), left out when that total is not positive.
     */
    @JsonPropertyOrder({"cost", "missedDepartures", "missedVehicles", "controllerCostRatio"})
    public record OptimumCost(Cost cost, List<String> missedVehicles, Double controllerCostRatio) {
        public OptimumCost {
            missedVehicles = List.copyOf(missedVehicles);
        }

        /** The optimum's cost and the vehicles it leaves short; not yet compared with a controller. */
        public OptimumCost(Cost cost, List<String> missedVehicles) {
            this(cost, missedVehicles, null);
        }

        /** How many vehicles even the optimum leaves short. */
        @JsonProperty
        public int missedDepartures() {
            return missedVehicles.size();
        }

        /** total = energy + demandCharge. */
        public record Cost(double energy, double demandCharge, double total) {
        }

        /** This optimum compared with a controller that paid {@code controllerCost} for energy and demand. */
        public OptimumCost comparedWith(double controllerCost) {
            return new OptimumCost(cost, missedVehicles, cost.total() > 0 ? controllerCost / cost.total() : null);
        }
    }
}
