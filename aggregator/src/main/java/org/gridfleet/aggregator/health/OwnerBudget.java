package org.gridfleet.aggregator.health;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.gridfleet.aggregator.fleet.V2gConsent;
import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.degradation.budget.DegradationBudget;

/**
 * A vehicle's degradation budget as the owner states it: its wire kind ({@code yearly-cost} in currency per
 * calendar year, {@code yearly-capacity} as a fraction of nominal capacity per calendar year,
 * {@code daily-extra-cycles} in equivalent full cycles per day) and limit, and whether the owner set it or it
 * comes from the bound of the vehicle's V2G consent.
 *
 * @param budget the budget
 * @param source {@code owner} or {@code v2g-consent}
 */
public record OwnerBudget(DegradationBudget budget, String source) {

    public static final String YEARLY_COST = "yearly-cost";
    public static final String YEARLY_CAPACITY = "yearly-capacity";
    public static final String DAILY_EXTRA_CYCLES = "daily-extra-cycles";

    public OwnerBudget {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(source, "source");
    }

    /** The budget a stored or requested kind and limit name. */
    public static DegradationBudget of(String kind, double limit) {
        switch (kind) {
            case YEARLY_COST:
                return new DegradationBudget.YearlyCost(limit);
            case YEARLY_CAPACITY:
                return new DegradationBudget.YearlyCapacity(limit);
            case DAILY_EXTRA_CYCLES:
                return new DegradationBudget.DailyExtraCycles(limit);
            default:
                throw new IllegalArgumentException("kind must be one of " + YEARLY_COST + ", " + YEARLY_CAPACITY + ", "
                        + DAILY_EXTRA_CYCLES + ", but was " + kind);
        }
    }

    /** A request body {@code {"kind": ..., "limit": ...}}; a 400 naming the field when it is not a valid budget. */
    public static DegradationBudget parse(JsonObject body) {
        Object kind = body.getValue("kind");
        if (!(kind instanceof String)) {
            throw GridfleetException.badRequest("kind", "kind must be " + YEARLY_COST + ", " + YEARLY_CAPACITY
                    + " or " + DAILY_EXTRA_CYCLES);
        }
        Object limit = body.getValue("limit");
        if (!(limit instanceof Number)) {
            throw GridfleetException.badRequest("limit", "limit must be a number");
        }
        try {
            return of((String) kind, ((Number) limit).doubleValue());
        } catch (IllegalArgumentException e) {
            throw GridfleetException.badRequest(e.getMessage().startsWith("kind") ? "kind" : "limit", e.getMessage());
        }
    }

    /** The wire kind of {@code budget}. */
    public static String kind(DegradationBudget budget) {
        if (budget instanceof DegradationBudget.YearlyCost) {
            return YEARLY_COST;
        }
        return budget instanceof DegradationBudget.YearlyCapacity ? YEARLY_CAPACITY : DAILY_EXTRA_CYCLES;
    }

    /** The owner's budget if set, else the wear bound of the V2G consent, else none (V2G off). */
    public static Optional<OwnerBudget> effective(Optional<DegradationBudget> owner, V2gConsent consent) {
        if (owner.isPresent()) {
            return Optional.of(new OwnerBudget(owner.get(), "owner"));
        }
        if (consent instanceof V2gConsent.DegradationBudget d) {
            return Optional.of(new OwnerBudget(new DegradationBudget.YearlyCapacity(d.yearlyCapacityLossPct() / 100.0),
                    "v2g-consent"));
        }
        if (consent instanceof V2gConsent.DailyCycleCap d) {
            return Optional.of(new OwnerBudget(new DegradationBudget.DailyExtraCycles(d.extraCyclesPerDay()),
                    "v2g-consent"));
        }
        return Optional.empty();
    }
}
