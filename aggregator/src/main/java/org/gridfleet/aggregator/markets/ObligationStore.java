package org.gridfleet.aggregator.markets;

import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.market.Award;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.ObligationState;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.Settlement;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The desk's obligations in PostgreSQL ({@code V50__market_obligations.sql}): the latest snapshot per offer and one
 * row per state transition with its actor. Blocking JDBC: call it from a worker thread only.
 */
final class ObligationStore {

    /**
     * One obligation snapshot to write; {@code before} is null for a new offer. A tick may move an obligation more
     * than one step (awarded and delivering at once); each step is stored, all at the snapshot's time.
     *
     * @param awardedBy actor of the step into AWARDED or REJECTED (the market's pusher, or the desk)
     * @param actor actor of every other step
     */
    record Change(Obligation before, Obligation after, String awardedBy, String actor) {

        /** The states passed through from {@code before} to {@code after}, after {@code before}'s own. */
        List<ObligationState> steps() {
            ObligationState from = before == null ? null : before.state();
            ObligationState to = after.state();
            List<ObligationState> path = new ArrayList<>();
            if (from == to) {
                return path;
            }
            if (from == null) {
                path.add(ObligationState.OFFERED);
            }
            if (to != ObligationState.OFFERED && to != ObligationState.REJECTED
                    && (from == null || from == ObligationState.OFFERED)) {
                path.add(ObligationState.AWARDED);
            }
            // DELIVERING lies on the way to SETTLED, and to FAILED only from DELIVERING itself (a score too low)
            boolean viaDelivering = to == ObligationState.DELIVERING || to == ObligationState.SETTLED;
            if (viaDelivering && from != ObligationState.DELIVERING) {
                path.add(ObligationState.DELIVERING);
            }
            if (to == ObligationState.SETTLED || to == ObligationState.FAILED || to == ObligationState.REJECTED) {
                path.add(to);
            }
            return path;
        }
    }

    /** A stored transition: {@code from} is null for the offer's first state; {@code actor} who caused it. */
    record Transition(ObligationState from, ObligationState to, Instant at, String actor) {
    }

    private static final String UPSERT = """
            insert into market_obligation (offer_id, product_id, period_start, period_end, capability_kw,
                capability_price_per_mwh, performance_price_per_mw, state, since, awarded_kw,
                clearing_capability_price_per_mwh, clearing_performance_price_per_mw, baseline_kw, settlement_score,
                capability_credit, performance_credit, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (offer_id) do update set state = excluded.state, since = excluded.since,
                awarded_kw = excluded.awarded_kw,
                clearing_capability_price_per_mwh = excluded.clearing_capability_price_per_mwh,
                clearing_performance_price_per_mw = excluded.clearing_performance_price_per_mw,
                baseline_kw = excluded.baseline_kw, settlement_score = excluded.settlement_score,
                capability_credit = excluded.capability_credit, performance_credit = excluded.performance_credit,
                reason = excluded.reason""";
    private static final String TRANSITION = """
            insert into market_obligation_transition (offer_id, from_state, to_state, at, actor)
            values (?, ?, ?, ?, ?)""";
    private static final String SELECT = "select * from market_obligation order by period_start, offer_id";

    private final DataSource dataSource;

    ObligationStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Writes the changes in one transaction: all or none. */
    void write(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement up = c.prepareStatement(UPSERT); PreparedStatement tr = c.prepareStatement(TRANSITION)) {
                for (Change ch : changes) {
                    bindSnapshot(up, ch.after());
                    up.addBatch();
                    ObligationState from = ch.before() == null ? null : ch.before().state();
                    for (ObligationState to : ch.steps()) {
                        boolean award = to == ObligationState.AWARDED || to == ObligationState.REJECTED;
                        tr.setString(1, ch.after().offerId());
                        tr.setString(2, from == null ? null : from.name());
                        tr.setString(3, to.name());
                        tr.setTimestamp(4, Timestamp.from(ch.after().since()));
                        tr.setString(5, award ? ch.awardedBy() : ch.actor());
                        tr.addBatch();
                        from = to;
                    }
                }
                up.executeBatch();
                tr.executeBatch();
            }
            return null;
        });
    }

    /**
     * Every stored obligation, oldest period first.
     *
     * @param products the traded products by id
     * @throws IllegalStateException if a stored obligation is for a product no longer traded (refusing to start is
     *     safer than silently dropping an award)
     */
    List<Obligation> load(Map<String, Product> products) {
        return Jdbc.inTransaction(dataSource, c -> {
            List<Obligation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, products));
                }
            }
            return out;
        });
    }

    /** Transitions of one offer, oldest first. */
    List<Transition> transitions(String offerId) {
        return Jdbc.inTransaction(dataSource, c -> {
            List<Transition> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select from_state, to_state, at, actor "
                    + "from market_obligation_transition where offer_id = ? order by id")) {
                ps.setString(1, offerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString("from_state");
                        out.add(new Transition(from == null ? null : ObligationState.valueOf(from),
                                ObligationState.valueOf(rs.getString("to_state")), instant(rs, "at"),
                                rs.getString("actor")));
                    }
                }
            }
            return out;
        });
    }

    private static void bindSnapshot(PreparedStatement ps, Obligation o) throws SQLException {
        Offer offer = o.offer();
        ps.setString(1, o.offerId());
        ps.setString(2, offer.product().id());
        ps.setTimestamp(3, Timestamp.from(o.period().start()));
        ps.setTimestamp(4, Timestamp.from(o.period().end()));
        ps.setDouble(5, offer.capabilityKw());
        ps.setDouble(6, offer.capabilityPricePerMwh());
        ps.setDouble(7, offer.performancePricePerMw());
        ps.setString(8, o.state().name());
        ps.setTimestamp(9, Timestamp.from(o.since()));
        Award a = o.award();
        setNullable(ps, 10, a == null ? null : a.awardedKw());
        setNullable(ps, 11, a == null ? null : a.capabilityClearingPricePerMwh());
        setNullable(ps, 12, a == null ? null : a.performanceClearingPricePerMw());
        setNullable(ps, 13, o.baseline() == null ? null : o.baseline().kwAt(o.period().start()));
        Settlement s = o.settlement();
        setNullable(ps, 14, s == null ? null : s.score());
        setNullable(ps, 15, s == null ? null : s.capabilityCredit());
        setNullable(ps, 16, s == null ? null : s.performanceCredit());
        ps.setString(17, o.reason());
    }

    private static Obligation read(ResultSet rs, Map<String, Product> products) throws SQLException {
        String offerId = rs.getString("offer_id");
        Product product = products.get(rs.getString("product_id"));
        if (product == null) {
            throw new IllegalStateException("stored obligation " + offerId + " is for product "
                    + rs.getString("product_id") + ", which is not configured");
        }
        DeliveryPeriod period = new DeliveryPeriod(instant(rs, "period_start"), instant(rs, "period_end"));
        Offer offer = new Offer(offerId, product, period, rs.getDouble("capability_kw"),
                rs.getDouble("capability_price_per_mwh"), rs.getDouble("performance_price_per_mw"));
        Double awardedKw = nullable(rs, "awarded_kw");
        Award award = awardedKw == null ? null : new Award(offerId, period, awardedKw,
                rs.getDouble("clearing_capability_price_per_mwh"), rs.getDouble("clearing_performance_price_per_mw"));
        Double baselineKw = nullable(rs, "baseline_kw");
        Double score = nullable(rs, "settlement_score");
        Settlement settlement = score == null ? null : new Settlement(score, rs.getDouble("capability_credit"),
                rs.getDouble("performance_credit"));
        return new Obligation(offer, ObligationState.valueOf(rs.getString("state")), award,
                baselineKw == null ? null : Baseline.flat(period, baselineKw), settlement, rs.getString("reason"),
                instant(rs, "since"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void setNullable(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }
}
