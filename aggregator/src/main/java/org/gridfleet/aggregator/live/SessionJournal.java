package org.gridfleet.aggregator.live;

import io.vertx.core.Vertx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.gridfleet.aggregator.storage.Jdbc;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.InMemorySessions;
import org.gridfleet.v2g.charger.SessionMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's {@link SessionMemory}, kept in the {@code running_sessions} table as well, so a restarted Gridfleet
 * resumes the sessions chargers go on with. Answers from memory; each change is written off the event loop, in
 * the order of the calling connection's context.
 */
final class SessionJournal extends InMemorySessions {

    private static final Logger LOG = LoggerFactory.getLogger(SessionJournal.class);

    private final Vertx vertx;
    private final DataSource database;

    private SessionJournal(Vertx vertx, DataSource database, List<RunningSession> restored) {
        super(restored);
        this.vertx = vertx;
        this.database = database;
    }

    /** Reads the sessions that were running when Gridfleet last stopped. Blocking: call it on a worker. */
    static SessionJournal restore(Vertx vertx, DataSource database) {
        List<RunningSession> restored = Jdbc.inTransaction(database, c -> {
            List<RunningSession> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT charger_id, transaction_id, evse_id, id_token, ev_identifier FROM running_sessions");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new RunningSession(new EvseRef(r.getString(1), r.getInt(3)), r.getString(2),
                            r.getString(4), r.getString(5)));
                }
            }
            return rows;
        });
        LOG.info("{} running sessions restored", restored.size());
        return new SessionJournal(vertx, database, restored);
    }

    @Override
    public void remember(RunningSession s) {
        super.remember(s);
        write(s.evse().chargerId(), s.transactionId(), """
                INSERT INTO running_sessions (charger_id, transaction_id, evse_id, id_token, ev_identifier)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (charger_id, transaction_id) DO UPDATE SET evse_id = EXCLUDED.evse_id,
                    id_token = EXCLUDED.id_token, ev_identifier = EXCLUDED.ev_identifier""",
                s.evse().evseId(), s.idToken(), s.evIdentifier());
    }

    @Override
    public void forget(String chargerId, String transactionId) {
        super.forget(chargerId, transactionId);
        write(chargerId, transactionId, "DELETE FROM running_sessions WHERE charger_id = ? AND transaction_id = ?");
    }

    /** Runs {@code sql} with the charger id, the transaction id and {@code more} as parameters. */
    private void write(String chargerId, String transactionId, String sql, Object... more) {
        vertx.executeBlocking(() -> Jdbc.inTransaction(database, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, chargerId);
                s.setString(2, transactionId);
                for (int i = 0; i < more.length; i++) {
                    s.setObject(3 + i, more[i]);
                }
                return s.executeUpdate();
            }
        }), true).onFailure(e -> LOG.warn("[chargerId: {}] running session {} not journaled: {}", chargerId,
                transactionId, e.toString()));
    }
}
