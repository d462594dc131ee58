package org.gridfleet.aggregator.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/** Writes the trace CSV {@code time,site,site_kw,requested_kw,baseline_kw,product,signal}, one row per site-step. */
public final class TraceWriter {
    public static final String HEADER = "time,site,site_kw,requested_kw,baseline_kw,product,signal";

    private final Writer out;
    private final StringBuilder line = new StringBuilder(96);

    public TraceWriter(Writer out) {
        this.out = out;
        write(HEADER + "\n");
    }

    /** One row; {@code market} null leaves the market columns empty. */
    public void row(Instant time, String siteId, double siteKw, SiteTargetSource.MarketTrace market) {
        line.setLength(0);
        line.append(time).append(',').append(siteId).append(',').append(round(siteKw)).append(',');
        if (market != null) {
            line.append(round(market.requestedKw())).append(',').append(round(market.baselineKw())).append(',')
                    .append(market.product()).append(',').append(market.signal());
        } else {
            line.append(",,,");
        }
        write(line.append('\n').toString());
    }

    private static double round(double kw) {
        return Math.round(kw * 1000) / 1000.0;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace", e);
        }
    }
}
