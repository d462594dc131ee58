package org.gridfleet.aggregator.markets;

import org.gridfleet.aggregator.http.GridfleetException;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.live.MarketSignalFeed;
import org.gridfleet.market.live.SignalSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The live signal's way in: checks a sample (known product, value in the product's range, not stamped in the future
 * beyond the tolerance, later than the product's last accepted sample) and hands it to the inbox for every obligation
 * of that product delivering at its time. A refused sample changes nothing. Hot path: no blocking, no allocation
 * on the accepting branch beyond the per-product compare-and-set.
 */
final class SignalGate {

    private static final Logger LOG = LoggerFactory.getLogger(SignalGate.class);

    private final Function<String, Product> products;
    private final Supplier<List<Obligation>> delivering;
    private final GridServiceInbox inbox;
    private final Clock clock;
    private final Duration futureTolerance;
    private final Map<String, Instant> lastAccepted = new ConcurrentHashMap<>();

    /**
     * @param products configured product by id, null when unknown
     * @param delivering the obligations delivering now (an immutable snapshot)
     */
    SignalGate(Function<String, Product> products, Supplier<List<Obligation>> delivering, GridServiceInbox inbox,
               Clock clock, Duration futureTolerance) {
        this.products = Objects.requireNonNull(products, "products");
        this.delivering = Objects.requireNonNull(delivering, "delivering");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.futureTolerance = Objects.requireNonNull(futureTolerance, "futureTolerance");
    }

    /**
     * @return how many delivering obligations the sample reached (0 when none of the product delivers at {@code at})
     * @throws GridfleetException BAD_REQUEST naming {@code product}, {@code value} or {@code at} when refused
     */
    int accept(String productId, Instant at, double value) {
        Product product = products.apply(productId);
        if (product == null) {
            throw GridfleetException.badRequest("product", "no traded product '" + productId + "'");
        }
        requireInRange(product, value);
        Instant latest = clock.instant().plus(futureTolerance);
        if (at.isAfter(latest)) {
            throw GridfleetException.badRequest("at", at + " is in the future (later than " + latest + ")");
        }
        Instant previous = lastAccepted.get(productId);
        // the compare-and-set keeps samples strictly increasing even when two event loops race
        boolean accepted = previous == null ? lastAccepted.putIfAbsent(productId, at) == null
                : at.isAfter(previous) && lastAccepted.replace(productId, previous, at);
        if (!accepted) {
            throw GridfleetException.badRequest("at", at + " is not after the last accepted sample of " + productId
                    + " at " + lastAccepted.get(productId));
        }
        int reached = 0;
        List<Obligation> now = delivering.get();
        for (int i = 0; i < now.size(); i++) { // indexed: no iterator on the per-sample path
            Obligation o = now.get(i);
            if (o.offer().product().id().equals(productId) && o.period().contains(at)) {
                inbox.signal(o.offerId(), at, value);
                reached++;
            }
        }
        return reached;
    }

    /** For the market's {@link MarketSignalFeed}: refused samples are logged and dropped (the feed has answered). */
    SignalSink sink() {
        return (productId, at, value) -> {
            try {
                accept(productId, at, value);
            } catch (GridfleetException e) {
                LOG.warn("[product: {}] live sample dropped: {}", productId, e.getMessage());
            }
        };
    }

    private static void requireInRange(Product product, double value) {
        boolean ok = product.kind() == ProductKind.FREQUENCY_CONTAINMENT
                ? value >= MarketSignalFeed.MIN_FREQUENCY_HZ && value <= MarketSignalFeed.MAX_FREQUENCY_HZ
                : Math.abs(value) <= MarketSignalFeed.MAX_ABS_REGULATION_SIGNAL;
        if (!Double.isFinite(value) || !ok) {
            throw GridfleetException.badRequest("value", value + " is out of range for " + product.kind()
                    + " product " + product.id());
        }
    }
}
