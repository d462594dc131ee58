package org.gridfleet.aggregator.markets;

import org.gridfleet.aggregator.dispatch.ActiveObligation;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test inbox: records every call, in order, as {@code activated id awardedKw baselineKw}, {@code ended id}, {@code signal id at value}. */
final class RecordingInbox implements GridServiceInbox {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<ActiveObligation> active = new CopyOnWriteArrayList<>();

    @Override
    public void activated(ActiveObligation obligation) {
        active.add(obligation);
        calls.add("activated " + obligation.obligationId() + " " + obligation.awardedKw() + " "
                + obligation.baselineKw(obligation.period().start()));
    }

    @Override
    public void ended(String obligationId) {
        calls.add("ended " + obligationId);
    }

    @Override
    public void signal(String obligationId, Instant at, double value) {
        calls.add("signal " + obligationId + " " + at + " " + value);
    }
}
