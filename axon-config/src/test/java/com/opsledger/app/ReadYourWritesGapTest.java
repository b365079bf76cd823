package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction that dies with its node leaves a sequence value with no event: a permanent gap in every token.
 * A read that waits for a position beyond it, with more than a thousand events in between, must still be answered.
 */
class ReadYourWritesGapTest extends IntegrationTest {

    private static final String OPERATOR = Api.token("gail", "operator");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPermanentGapFollowedByManyEventsDoesNotHoldReadsUp() throws InterruptedException {
        jdbc.sql("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))").query().singleValue();
        String run = UUID.randomUUID().toString();
        // 1,200 FeedbackSubmitted events recorded straight into the store, as a busy platform's ingest would have;
        // recent, because Axon forgets gaps older than a minute.
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload, meta_data)
                        SELECT md5(:run || i)::uuid::text, 'fb-gap-' || :run || '-' || i, 0, 'Feedback',
                               now_utc, 'com.opsledger.events.feedback.event.FeedbackSubmitted',
                               json_build_object('feedbackId', 'fb-gap-' || :run || '-' || i,
                                   'submissionId', 'gap-' || :run || '-' || i, 'orgId', 'org', 'workspaceId', 'ws',
                                   'userId', 'user', 'channel', 'web', 'message', 'Export is broken ' || i,
                                   'contentHash', md5(i::text),
                                   'classification', json_build_object('securityClasses', json_build_array(),
                                       'signal', 'ACTIONABLE', 'severity', 'MEDIUM'),
                                   'fingerprint', 'gap', 'groupId', 'grp-gap',
                                   'submittedAt', now_utc)::text,
                               '{"actor":"service:platform"}'
                        FROM generate_series(1, 1200) AS i,
                             to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now_utc""")
                .param("run", run).update();
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();

        Api api = api();
        int status = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (status != 200 && System.nanoTime() < deadline) {
            status = api.get("/api/v1/admin/feedback?limit=1&minPosition=" + head, OPERATOR).status();
        }

        assertThat(status).as("answered once the projection has processed every event").isEqualTo(200);
        assertThat(api.get("/api/v1/admin/feedback/fb-gap-" + run + "-1200", OPERATOR).status()).isEqualTo(200);
    }
}
