package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gridfleet.aggregator.testsupport.TestDatabase;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.SessionMemory.RunningSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Running sessions outlive the process: what one journal remembers, the next one (after a restart) restores. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionJournalIT {
    private static HikariDataSource database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.freshSchema(SessionJournalIT.class);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void sessionShouldBeRestoredAfterARestartUntilItIsForgotten(Vertx vertx) throws Exception {
        // GIVEN a journal that saw two sessions start (on an event loop, as the gateway calls it)
        SessionJournal before = restore(vertx);
        RunningSession card = new RunningSession(new EvseRef("cp-1", 2), "tx-1", "CARD-1", null);
        RunningSession car = new RunningSession(new EvseRef("cp-1", 1), "tx-2", null, "0A:1B:2C:3D:4E:5F");
        onEventLoop(vertx, () -> {
            before.remember(card);
            before.remember(car);
        });

        // WHEN Gridfleet restarts THEN both are restored as they were
        await(() -> restore(vertx).find("cp-1", "tx-1").isPresent() && restore(vertx).find("cp-1", "tx-2").isPresent());
        SessionJournal after = restore(vertx);
        assertThat(after.find("cp-1", "tx-1")).contains(card);
        assertThat(after.find("cp-1", "tx-2")).contains(car);
        assertThat(after.find("cp-2", "tx-1")).isEmpty();

        // WHEN one ends THEN the next restart no longer has it
        onEventLoop(vertx, () -> after.forget("cp-1", "tx-1"));
        await(() -> restore(vertx).find("cp-1", "tx-1").isEmpty());
        assertThat(restore(vertx).find("cp-1", "tx-2")).contains(car);
    }

    private static SessionJournal restore(Vertx vertx) {
        return SessionJournal.restore(vertx, database);
    }

    private static void onEventLoop(Vertx vertx, Runnable work) {
        vertx.getOrCreateContext().runOnContext(v -> work.run());
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("journal written within 10 s").isBefore(giveUp);
            Thread.sleep(50);
        }
    }
}
