package com.opsledger.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

/**
 * A schema change of a read model as a new version beside the old one: the new version is a projection of its own
 * (its processing group, its tables from its Flyway migration), built from the first event while readers read the
 * old version. Which version they read is a pointer row per read model ({@code read_model.read_model_version}), read
 * with every request. Once the new version's processor has caught up, its secondary indexes are made, copied from
 * the old version's tables, and the pointer is switched in one update: the next request reads the new version. The
 * old version's projection goes on being kept until a release removes it.
 */
@Component
public class ReadModelVersions {

    /**
     * Version {@code to} of {@code readModel} follows version {@code from}; {@code tables} maps each table of the old
     * version to the new version's, whose indexes are copied from it.
     */
    public record Succession(String readModel, String from, String to, Map<String, String> tables) {
    }

    /** A projection that is a new version of a read model. */
    public interface Successor {
        Succession succession();
    }

    private static final Logger log = LoggerFactory.getLogger(ReadModelVersions.class);

    private final List<Succession> successions;
    private final ReadModelSchema schema;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ReadModelVersions(ObjectProvider<Successor> successors, ReadModelSchema schema,
                      EventProcessingConfiguration processing, JdbcTemplate jdbc,
                      PlatformTransactionManager transactions) {
        this.successions = successors.orderedStream().map(Successor::succession).toList();
        this.schema = schema;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The processing group whose tables the readers of {@code readModel} read now. */
    public String live(String readModel) {
        return jdbc.queryForObject("SELECT live FROM read_model.read_model_version WHERE read_model = ?",
                String.class, readModel);
    }

    /** Whether readers read {@code processingGroup}'s tables: false for a version not (or no longer) live. */
    public boolean serves(String processingGroup) {
        return successions.stream().filter(s -> s.from().equals(processingGroup) || s.to().equals(processingGroup))
                .findFirst().map(s -> live(s.readModel()).equals(processingGroup)).orElse(true);
    }

    /** Switches every read model whose next version has caught up with the head (on this node) to it. */
    void advance() {
        for (Succession succession : successions) {
            if (!live(succession.readModel()).equals(succession.from())) {
                continue;
            }
            StreamingEventProcessor next = processing.eventProcessor(succession.to(), StreamingEventProcessor.class)
                    .orElse(null);
            if (next == null || !ProjectionRebuilds.caughtUp(next)) {
                continue;
            }
            succession.tables().forEach((from, to) ->
                    schema.copyIndexes(schema.livePhysical(succession.from(), from),
                            schema.livePhysical(succession.to(), to), false));
            transactions.executeWithoutResult(status -> {
                if (jdbc.update("UPDATE read_model.read_model_version SET live = ?, switched_at = now() "
                        + "WHERE read_model = ? AND live = ?", succession.to(), succession.readModel(),
                        succession.from()) == 1) {
                    log.warn("Readers of {} now read {} (was {})", succession.readModel(), succession.to(),
                            succession.from());
                }
            });
        }
    }
}
