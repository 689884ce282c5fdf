package dev.pulse.caliper;

import dev.pulse.platform.metrics.Meter;
import dev.pulse.platform.persistence.LocalTransactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes validated events in batches with plain JDBC: one multi-row batch per call, one local
 * transaction, {@code ON CONFLICT DO NOTHING} on (client, event id). JPA cannot express the
 * conflict clause, and the per-row persist of an entity would cost a round trip per event.
 * <p>
 * Runs outside any JTA transaction on purpose (NOT_SUPPORTED): the store owns the commit, so the
 * callers can be answered only after their rows are durable, and several requests can share it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CaliperEventStore {

    /** What happened to one row. */
    public enum Result {
        STORED, ALREADY_STORED, CONFLICT
    }

    /** One event to store for one client, with the account its assignee names (or null). */
    public record Row(String clientId, ValidatedEvent event, Long accountId) {
    }

    private static final String INSERT = """
            insert into caliper_event (client_id, event_id, type, action, profile, assignee, account_id, assignable,
                ed_app, event_time, created_time, score_given, max_score, completion, fingerprint, payload, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            on conflict (client_id, event_id) do nothing""";

    @Resource(lookup = "java:app/jdbc/pulse")
    DataSource dataSource;

    @Inject
    Meter meter;

    /**
     * Inserts the rows in one transaction and says, row by row, whether each was stored, was
     * already there with the same content, or conflicts with a stored event of the same id. With
     * {@code allOrNothing}, any conflict rolls the whole batch back (the results still say which).
     */
    public List<Result> insert(List<Row> rows, boolean allOrNothing, Instant receivedAt) {
        if (rows.isEmpty()) {
            return List.of();
        }
        try {
            long bytes = rows.stream().mapToLong(row -> row.event().payload().length()).sum();
            return LocalTransactions.commit(dataSource, meter, bytes, c -> {
                List<Result> results = write(c, rows, receivedAt);
                if (allOrNothing && results.contains(Result.CONFLICT)) {
                    c.rollback();
                }
                return results;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + rows.size() + " Caliper events failed", e);
        }
    }

    private List<Result> write(Connection c, List<Row> rows, Instant receivedAt) throws SQLException {
        int[] counts;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            OffsetDateTime received = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
            for (Row row : rows) {
                ValidatedEvent e = row.event();
                int i = 1;
                insert.setString(i++, row.clientId());
                insert.setString(i++, e.id());
                insert.setString(i++, e.type());
                insert.setString(i++, e.action());
                insert.setString(i++, e.profile());
                insert.setString(i++, e.assignee());
                setLong(insert, i++, row.accountId());
                insert.setString(i++, e.assignable());
                insert.setString(i++, e.edApp());
                insert.setObject(i++, OffsetDateTime.ofInstant(e.eventTime(), ZoneOffset.UTC));
                setTime(insert, i++, e.createdTime());
                setDouble(insert, i++, e.scoreGiven());
                setDouble(insert, i++, e.maxScore());
                insert.setString(i++, e.completion());
                insert.setString(i++, e.fingerprint());
                insert.setString(i++, e.payload());
                insert.setObject(i, received);
                insert.addBatch();
            }
            counts = insert.executeBatch();
        }
        List<Result> results = new ArrayList<>(rows.size());
        Map<String, List<Integer>> unsure = new LinkedHashMap<>();
        Set<String> insertedIds = new HashSet<>();
        for (int k = 0; k < rows.size(); k++) {
            results.add(counts[k] == 1 ? Result.STORED : null);
            if (counts[k] == 1) {
                insertedIds.add(rows.get(k).clientId() + " " + rows.get(k).event().id());
            } else {
                unsure.computeIfAbsent(rows.get(k).clientId(), x -> new ArrayList<>()).add(k);
            }
        }
        // rows the conflict clause skipped, or rows of a rewritten batch (which does not say which rows it
        // inserted): stored now, a resend of the same content, or a clash
        for (var entry : unsure.entrySet()) {
            Map<String, Stored> stored = stored(c, entry.getKey(),
                    entry.getValue().stream().map(k -> rows.get(k).event().id()).distinct().toList());
            for (int k : entry.getValue()) {
                ValidatedEvent e = rows.get(k).event();
                Stored found = stored.get(e.id());
                boolean same = found != null && found.fingerprint().equals(e.fingerprint());
                if (same && found.now() && insertedIds.add(entry.getKey() + " " + e.id())) {
                    results.set(k, Result.STORED);
                } else {
                    results.set(k, same ? Result.ALREADY_STORED : Result.CONFLICT);
                }
            }
        }
        return results;
    }

    /** A stored event's fingerprint, and whether this transaction inserted it. */
    private record Stored(String fingerprint, boolean now) {
    }

    private static Map<String, Stored> stored(Connection c, String clientId, List<String> ids) throws SQLException {
        Map<String, Stored> found = new HashMap<>();
        // xmin is a 32-bit transaction id; txid_current() carries the epoch above it
        try (PreparedStatement select = c.prepareStatement("""
                select event_id, fingerprint, xmin::text::bigint = txid_current() % 4294967296
                from caliper_event where client_id = ? and event_id = any (?)""")) {
            Array array = c.createArrayOf("text", ids.toArray());
            select.setString(1, clientId);
            select.setArray(2, array);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Stored(rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return found;
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, v);
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }

    private static void setTime(PreparedStatement s, int i, Instant v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
        }
    }
}
