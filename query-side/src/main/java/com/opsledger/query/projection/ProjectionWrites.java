package com.opsledger.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one projection to its one table, sent to PostgreSQL when the processor commits its batch rather than
 * one round trip per event: consecutive statements with the same SQL go as one JDBC batch (a multi-row INSERT, as
 * the driver runs with {@code reWriteBatchedInserts}), in the order the handlers issued them, in the batch's
 * transaction together with the processor's token. Deferring is safe because projections only write: no handler
 * reads back what an earlier event of the same batch wrote.
 * <p>
 * The transaction commits with {@code synchronous_commit = off}: a crash may lose the last batches, rows and token
 * alike, and the processor then handles those events again, so nothing is lost or applied twice.
 */
public final class ProjectionWrites {

    private final NamedParameterJdbcTemplate jdbc;
    private final String resourceKey;

    /** {@code table} names the buffer: statements on different tables commute, so each table has its own. */
    public ProjectionWrites(NamedParameterJdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.resourceKey = ProjectionWrites.class.getName() + ":" + table;
    }

    public Statement sql(String sql) {
        return new Statement(sql);
    }

    /** One statement with its named parameters, queued by {@link #queue()}. */
    public final class Statement {

        private final String sql;
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        private Statement(String sql) {
            this.sql = sql;
        }

        public Statement param(String name, Object value) {
            params.addValue(name, value);
            return this;
        }

        /** Queues the statement for the current batch; outside a unit of work it runs at once. */
        public void queue() {
            if (CurrentUnitOfWork.isStarted()) {
                pending().add(this);
            } else {
                jdbc.update(sql, params);
            }
        }
    }

    private List<Statement> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            List<Statement> statements = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> flush(statements));
            return statements;
        });
    }

    private void flush(List<Statement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        jdbc.getJdbcOperations().execute("SET LOCAL synchronous_commit TO off");
        int from = 0;
        while (from < statements.size()) {
            String sql = statements.get(from).sql;
            int to = from + 1;
            while (to < statements.size() && statements.get(to).sql.equals(sql)) {
                to++;
            }
            if (to - from == 1) {
                jdbc.update(sql, statements.get(from).params);
            } else {
                jdbc.batchUpdate(sql, statements.subList(from, to).stream()
                        .map(statement -> statement.params).toArray(SqlParameterSource[]::new));
            }
            from = to;
        }
    }
}
