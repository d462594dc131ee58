package org.gridfleet.aggregator.openadr.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.gridfleet.aggregator.openadr.ObjectType;
import org.gridfleet.aggregator.openadr.OpenAdrException;
import org.gridfleet.aggregator.openadr.auth.ClientRole;

/**
 * {@link OpenAdrStore} on PostgreSQL (tables of migrations V40/V41). JDBC runs on a dedicated worker
 * executor, never on an event loop. SQLState 23505 (unique violation) becomes a 409 problem.
 */
public final class JdbcOpenAdrStore implements OpenAdrStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String OBJECT_COLUMNS =
            "object_type, id, object_name, program_id, ven_id, owner_client, created_at, modified_at, body";

    private final DataSource dataSource;
    private final WorkerExecutor worker;

    public JdbcOpenAdrStore(Vertx vertx, DataSource dataSource) {
        this.dataSource = dataSource;
        this.worker = vertx.createSharedWorkerExecutor("gridfleet-openadr-jdbc", 4);
    }

    @Override
    public Future<StoredObject> insert(StoredObject o) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into openadr_object (" + OBJECT_COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                bindObject(ps, o);
                ps.executeUpdate();
            }
            return o;
        });
    }

    @Override
    public Future<StoredObject> update(StoredObject o) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("update openadr_object set object_name = ?, program_id = ?,"
                    + " ven_id = ?, modified_at = ?, body = ?::jsonb where object_type = ? and id = ?")) {
                ps.setString(1, o.name());
                ps.setString(2, o.programId());
                ps.setString(3, o.venId());
                ps.setTimestamp(4, Timestamp.from(o.modified()));
                ps.setString(5, o.body().encode());
                ps.setString(6, o.type().name());
                ps.setString(7, o.id());
                if (ps.executeUpdate() == 0) {
                    throw OpenAdrException.notFound(o.type().name().toLowerCase() + " " + o.id() + " does not exist");
                }
            }
            return o;
        });
    }

    @Override
    public Future<Optional<StoredObject>> find(ObjectType type, String id) {
        return run(c -> first(c, "select " + OBJECT_COLUMNS + " from openadr_object where object_type = ? and id = ?",
                type.name(), id));
    }

    @Override
    public Future<Optional<StoredObject>> findByName(ObjectType type, String venId, String name) {
        return run(c -> first(c, "select " + OBJECT_COLUMNS + " from openadr_object where object_type = ?"
                + " and coalesce(ven_id, '') = ? and object_name = ?", type.name(), venId == null ? "" : venId, name));
    }

    @Override
    public Future<List<StoredObject>> list(ObjectType type, String programId, String venId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + OBJECT_COLUMNS + " from openadr_object"
                    + " where object_type = ? and (?::varchar is null or program_id = ?)"
                    + " and (?::varchar is null or ven_id = ?) order by created_at, id")) {
                ps.setString(1, type.name());
                ps.setString(2, programId);
                ps.setString(3, programId);
                ps.setString(4, venId);
                ps.setString(5, venId);
                return readAll(ps);
            }
        });
    }

    @Override
    public Future<Optional<StoredObject>> delete(ObjectType type, String id) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from openadr_object where object_type = ? and id = ?"
                    + " returning " + OBJECT_COLUMNS)) {
                ps.setString(1, type.name());
                ps.setString(2, id);
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Future<Void> insertClient(ClientRecord client) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into openadr_client (client_id, role, ven_name,"
                    + " secret_salt, secret_hash, iterations, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, client.clientId());
                ps.setString(2, client.role().name());
                ps.setString(3, client.venName());
                ps.setBytes(4, client.secretSalt());
                ps.setBytes(5, client.secretHash());
                ps.setInt(6, client.iterations());
                ps.setTimestamp(7, Timestamp.from(client.created()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Optional<ClientRecord>> findClient(String clientId) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("select client_id, role, ven_name, secret_salt, secret_hash,"
                    + " iterations, created_at from openadr_client where client_id = ?")) {
                ps.setString(1, clientId);
                return readClient(ps);
            }
        });
    }

    private interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> Future<T> run(SqlWork<T> work) {
        Callable<T> blocking = () -> {
            try (Connection c = dataSource.getConnection()) {
                return work.apply(c);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw OpenAdrException.conflict("name already in use: " + e.getMessage());
                }
                throw e;
            }
        };
        return worker.executeBlocking(blocking, false);
    }

    private static void bindObject(PreparedStatement ps, StoredObject o) throws SQLException {
        ps.setString(1, o.type().name());
        ps.setString(2, o.id());
        setNullable(ps, 3, o.name());
        setNullable(ps, 4, o.programId());
        setNullable(ps, 5, o.venId());
        ps.setString(6, o.ownerClient());
        ps.setTimestamp(7, Timestamp.from(o.created()));
        ps.setTimestamp(8, Timestamp.from(o.modified()));
        ps.setString(9, o.body().encode());
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static Optional<StoredObject> first(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return readAll(ps).stream().findFirst();
        }
    }

    private static List<StoredObject> readAll(PreparedStatement ps) throws SQLException {
        List<StoredObject> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredObject(ObjectType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(), new JsonObject(rs.getString(9))));
            }
        }
        return out;
    }

    private static Optional<ClientRecord> readClient(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new ClientRecord(rs.getString(1), ClientRole.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getBytes(4), rs.getBytes(5), rs.getInt(6), rs.getTimestamp(7).toInstant()));
        }
    }
}
