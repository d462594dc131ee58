package org.gridfleet.aggregator.openadr.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory board of obligations per event: replacement, withdrawal, and what is in force where. */
class ObligationBoardTest {

    private static final Instant T17 = Instant.parse("2026-11-28T17:00:00Z");
    private static final Instant T18 = Instant.parse("2026-11-28T18:00:00Z");
    private static final Instant T19 = Instant.parse("2026-11-28T19:00:00Z");
    private static final GridTarget DEPOT = new GridTarget.Site("depot");

    private static GridObligation cap(String eventId, GridTarget target, Instant from, Instant to, double kw) {
        return new GridObligation.ImportCapacityLimit(eventId, target, from, to, kw);
    }

    @Test
    void obligationsChangedShouldReplaceTheEventsSetAndRemoveItWhenEmpty() {
        // GIVEN an event with one cap
        ObligationBoard board = new ObligationBoard();
        board.obligationsChanged("e1", List.of(cap("e1", DEPOT, T17, T18, 150)));
        // WHEN the event is updated to another cap
        board.obligationsChanged("e1", List.of(cap("e1", DEPOT, T17, T18, 90)));
        // THEN only the new one is on the board
        assertThat(board.all()).containsExactly(cap("e1", DEPOT, T17, T18, 90));
        // AND an empty list withdraws the event
        board.obligationsChanged("e1", List.of());
        assertThat(board.all()).isEmpty();
        assertThat(board.ofEvent("e1")).isEmpty();
    }

    @Test
    void inForceAtSiteShouldListSiteAndPortfolioObligationsWhoseWindowHoldsT() {
        // GIVEN caps on the depot, on another site, on the portfolio and on a fleet, in two windows
        ObligationBoard board = new ObligationBoard();
        GridObligation depotFirstHour = cap("a", DEPOT, T17, T18, 150);
        GridObligation depotSecondHour = cap("a", DEPOT, T18, T19, 300);
        GridObligation portfolio = new GridObligation.ExportCapacityLimit("b", new GridTarget.Portfolio(), T17, T19, 40);
        board.obligationsChanged("a", List.of(depotFirstHour, depotSecondHour));
        board.obligationsChanged("b", List.of(portfolio));
        board.obligationsChanged("c", List.of(cap("c", new GridTarget.Site("harbour"), T17, T19, 10),
                cap("c", new GridTarget.Fleet("vans"), T17, T19, 20)));
        // WHEN asked for the depot at 17:30, at 18:00 (end is exclusive) and at 19:00
        // THEN the depot's window and the portfolio cap hold; other sites and fleets do not
        assertThat(board.inForceAtSite("depot", T17.plusSeconds(1800))).containsExactly(depotFirstHour, portfolio);
        assertThat(board.inForceAtSite("depot", T18)).containsExactly(depotSecondHour, portfolio);
        assertThat(board.inForceAtSite("depot", T19)).isEmpty();
        assertThat(board.inForce(T17)).hasSize(4);
    }

    @Test
    void obligationsChangedShouldRefuseAndKeepTheBoardWhenAnObligationBelongsToAnotherEvent() {
        ObligationBoard board = new ObligationBoard();
        board.obligationsChanged("e1", List.of(cap("e1", DEPOT, T17, T18, 150)));
        assertThatThrownBy(() -> board.obligationsChanged("e1", List.of(cap("e2", DEPOT, T17, T18, 10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event e2");
        assertThat(board.all()).containsExactly(cap("e1", DEPOT, T17, T18, 150));
    }
}
