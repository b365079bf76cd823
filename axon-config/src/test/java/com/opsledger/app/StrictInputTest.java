package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is checked at the door and stored exactly as sent, never coerced: wrong types, duplicate keys, unknown
 * fields, blank messages, NUL, unpaired surrogates, invalid UTF-8 of any kind, non-finite numbers and instants
 * out of range are 400s naming the field, and record nothing. Query strings likewise, on every read endpoint.
 */
class StrictInputTest extends IntegrationTest {

    private static final String OPERATOR = Api.token("sam", "operator");

    @Autowired
    JdbcClient jdbc;

    /** A feedback submission with {@code fields} (raw JSON members) in place of the message. */
    private static String feedback(String fields) {
        return "{\"submissionId\":\"strict-" + UUID.randomUUID() + "\",\"orgId\":\"org-1\",\"workspaceId\":\"ws-1\","
                + "\"userId\":\"u-1\",\"channel\":\"web\"," + fields + "}";
    }

    private static String notification(String fields) {
        return "{\"id\":\"strict-" + UUID.randomUUID() + "\",\"kind\":\"usage_event\",\"source\":\"billing\","
                + "\"severity\":\"info\",\"summary\":\"quota\"," + fields + "}";
    }

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                Arguments.of("a boolean for a string", feedback("\"message\":true"), "message"),
                Arguments.of("a number for a string", feedback("\"message\":42"), "message"),
                Arguments.of("an object for a string", feedback("\"message\":{\"a\":1}"), "message"),
                Arguments.of("a number for an id", feedback("\"message\":\"hi\",\"page\":7"), "page"),
                Arguments.of("a duplicate key", feedback("\"message\":\"first\",\"message\":\"second\""), "message"),
                Arguments.of("an unknown field", feedback("\"message\":\"hi\",\"mesage\":\"typo\""), "mesage"),
                Arguments.of("a blank message", feedback("\"message\":\"   \""), "message"),
                Arguments.of("an invisible message", feedback("\"message\":\"\\u3000\\u200b\\t\""), "message"),
                Arguments.of("an unpaired high surrogate", feedback("\"message\":\"ab\\ud800cd\""), "message"),
                Arguments.of("an unpaired low surrogate", feedback("\"message\":\"\\udc00\""), "message"),
                Arguments.of("NUL in a context string", feedback("\"message\":\"hi\",\"context\":{\"a\":\"x\\u0000y\"}"),
                        "context.a"),
                Arguments.of("NUL in a context key", feedback("\"message\":\"hi\",\"context\":{\"a\\u0000\":1}"),
                        "context"),
                Arguments.of("a surrogate deep in the context",
                        feedback("\"message\":\"hi\",\"context\":{\"a\":[1,{\"b\":\"\\ud800\"}]}"), "context.a[1].b"),
                Arguments.of("a number beyond a double", feedback("\"message\":\"hi\",\"context\":{\"n\":1e400}"),
                        "context.n"),
                Arguments.of("a number that vanishes in a double",
                        feedback("\"message\":\"hi\",\"context\":{\"n\":-1e-400}"), "context.n"),
                Arguments.of("an epoch number for an instant", notification("\"occurredAt\":1764547200"), "occurredAt"),
                Arguments.of("the year +999999999", notification("\"occurredAt\":\"+999999999-12-31T23:59:59Z\""),
                        "occurredAt"),
                Arguments.of("a year before 1970", notification("\"occurredAt\":\"1969-12-31T23:59:59Z\""),
                        "occurredAt"),
                Arguments.of("nanoseconds", notification("\"occurredAt\":\"2026-11-24T01:00:00.123456789Z\""),
                        "occurredAt"),
                Arguments.of("an enum by its Java name", notification("\"occurredAt\":\"2026-11-24T01:00:00Z\"")
                        .replace("\"usage_event\"", "\"USAGE_EVENT\""), "kind"),
                Arguments.of("an enum that does not exist", notification("\"occurredAt\":\"2026-11-24T01:00:00Z\"")
                        .replace("\"info\"", "\"catastrophic\""), "severity"),
                Arguments.of("a number for an enum", notification("\"occurredAt\":\"2026-11-24T01:00:00Z\"")
                        .replace("\"info\"", "3"), "severity"),
                Arguments.of("NUL in details",
                        notification("\"occurredAt\":\"2026-11-24T01:00:00Z\",\"details\":{\"k\":\"\\u0000\"}"),
                        "details.k"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBodies")
    void aRefusedBodyIsA400NamingTheFieldAndRecordsNothing(String what, String body, String field) {
        long before = eventCount();
        String path = body.contains("\"kind\"") ? "/api/v1/ingest/notifications" : "/api/v1/ingest/feedback";
        Api.Response response = api().ingest(path, body);

        SecurityAndErrorsTest.assertProblem(response, 400);
        assertThat(response.at("/errors/0/field").asString()).as(response.raw()).isEqualTo(field);
        assertThat(eventCount()).isEqualTo(before);
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("overlong slash C0 AF", new byte[]{(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("overlong slash E0 80 AF", new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF}),
                Arguments.of("an encoded surrogate ED A0 80", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("a lone continuation byte", new byte[]{(byte) 0x80}),
                Arguments.of("a truncated sequence", new byte[]{(byte) 0xE2, (byte) 0x82}),
                Arguments.of("beyond U+10FFFF", new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("a byte never in UTF-8", new byte[]{(byte) 0xFF}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void aBodyThatIsNotUtf8IsA400(String what, byte[] bad) {
        long before = eventCount();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String json = feedback("\"message\":\"..#..\"");
        int hole = json.indexOf('#');
        body.writeBytes(json.substring(0, hole).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bad);
        body.writeBytes(json.substring(hole + 1).getBytes(StandardCharsets.UTF_8));

        Api.Response response = api().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/ingest/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), null, SERVICE_KEY);

        SecurityAndErrorsTest.assertProblem(response, 400);
        assertThat(response.at("/detail").asString()).contains("not valid UTF-8");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aBodyInAnotherCharsetIsA415() {
        Api.Response response = api().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/ingest/feedback"))
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString(feedback("\"message\":\"caf\u00e9\""),
                        StandardCharsets.ISO_8859_1)), null, SERVICE_KEY);
        SecurityAndErrorsTest.assertProblem(response, 415);
    }

    @Test
    void whatIsAcceptedIsStoredExactlyAsSent() {
        api().awaitServing("feedback-queue-v2");
        String message = "\uD83D\uDE00".repeat(10_000); // 10,000 code points, 40,000 bytes: the limit, in its unit
        String context = "{\"price\":1.50,\"big\":123456789012345678901234567890,\"tiny\":1e-300,"
                + "\"pair\":\"\\ud83d\\ude00\",\"nested\":[true,null,{\"x\":-2.5}]}";
        Api.Response response = api().ingest("/api/v1/ingest/feedback",
                feedback("\"message\":\"" + message + "\",\"context\":" + context));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);

        String id = response.at("/feedbackId").asString();
        Api.Response item = api().get("/api/v1/admin/feedback/" + id + "?minPosition="
                + response.at("/position").asLong(), OPERATOR);
        assertThat(item.at("/item/message").asString()).isEqualTo(message);
        String stored = jdbc.sql("SELECT context FROM read_model.feedback_v2 WHERE feedback_id = :id")
                .param("id", id).query(String.class).single();
        assertThat(stored).contains("\"price\":1.50", "\"big\":123456789012345678901234567890", "\"tiny\":1E-300",
                "\"x\":-2.5", "\uD83D\uDE00");
        assertThat(item.raw()).contains("\"price\":1.50", "123456789012345678901234567890");
    }

    static Stream<Arguments> readEndpoints() {
        return Stream.of("/api/v1/admin/feedback", "/api/v1/admin/feedback/fb-x", "/api/v1/admin/feedback/security",
                "/api/v1/admin/feedback-groups", "/api/v1/admin/feedback-groups/grp-x",
                "/api/v1/admin/notifications", "/api/v1/admin/notifications/counts", "/api/v1/admin/projections",
                "/api/v1/admin/projections/notifications-v1/dead-letters")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readEndpoints")
    void badPercentEncodingIsA400NamingTheParameterOnEveryRead(String endpoint) {
        String[][] cases = {{"q=%zz", "q"}, {"q=%", "q"}, {"q=%e9", "q"}, {"state=%c0%ae", "state"},
                {"q%zz=1", "q%zz"}, {"cursor=%%", "cursor"}, {"to=%zz", "to"}, {"minPosition=%zz", "minPosition"},
                {"q=%00", "q"}, {"state=open%00", "state"}, {"cursor=%00", "cursor"}};
        for (String[] c : cases) {
            Api.Response response = api().raw("GET " + endpoint + "?" + c[0] + " HTTP/1.1\r\nAuthorization: "
                    + OPERATOR);
            SecurityAndErrorsTest.assertProblem(response, 400);
            assertThat(response.at("/errors/0/field").asString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void numbersAndBooleansInParametersAreTakenOnlyAsWritten() {
        String[][] cases = {{"/api/v1/admin/feedback?limit=0x10", "limit"}, {"/api/v1/admin/feedback?limit=%2B5", "limit"},
                {"/api/v1/admin/feedback?limit=%205", "limit"}, {"/api/v1/admin/feedback?minPosition=1e3", "minPosition"},
                {"/api/v1/admin/feedback?limit=99999999999", "limit"},
                {"/api/v1/admin/notifications?acknowledged=yes", "acknowledged"},
                {"/api/v1/admin/notifications?acknowledged=1", "acknowledged"},
                {"/api/v1/admin/feedback-groups?burst=on", "burst"},
                {"/api/v1/admin/feedback?state=TRIAGED", "state"}, {"/api/v1/admin/feedback?sort=NEWEST", "sort"},
                {"/api/v1/admin/feedback?mode=Security", "mode"},
                {"/api/v1/admin/notifications?kind=SCHEDULE_FAILED", "kind"},
                {"/api/v1/admin/notifications?from=1764547200", "from"},
                // Given but empty is refused, not read as absent.
                {"/api/v1/admin/feedback?limit=", "limit"}, {"/api/v1/admin/feedback?state=", "state"},
                {"/api/v1/admin/audit/events/export?format=", "format"},
                {"/api/v1/admin/audit/events?minPosition=", "minPosition"},
                // asOf beyond the newest position is refused as minPosition beyond it is.
                {"/api/v1/admin/audit/feedback/fb-x?asOf=999999999", "asOf"},
                {"/api/v1/admin/audit/feedback/fb-x?minPosition=999999999", "minPosition"}};
        String auditor = Api.token("strict-auditor", "auditor");
        for (String[] c : cases) {
            Api.Response response = api().get(c[0], c[0].contains("/audit/") ? auditor : OPERATOR);
            SecurityAndErrorsTest.assertProblem(response, 400);
            assertThat(response.at("/errors/0/field").asString()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(api().get("/api/v1/admin/notifications?acknowledged=false&limit=5", OPERATOR).status())
                .isEqualTo(200);
    }

    @Test
    void instantsOutOfRangeInParametersAndCursorsAre400s() {
        Api.Response from = api().get("/api/v1/admin/feedback?from=%2B999999999-12-31T23:59:59Z", OPERATOR);
        SecurityAndErrorsTest.assertProblem(from, 400);
        assertThat(from.at("/errors/0/field").asString()).isEqualTo("from");
        Api.Response to = api().get("/api/v1/admin/notifications?to=%2B999999999-12-31T23:59:59Z", OPERATOR);
        assertThat(to.at("/errors/0/field").asString()).isEqualTo("to");

        String handMade = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "+999999999-12-31T23:59:59Z\u001fntf-x".getBytes(StandardCharsets.UTF_8));
        Api.Response cursor = api().get("/api/v1/admin/notifications?cursor=" + handMade, OPERATOR);
        SecurityAndErrorsTest.assertProblem(cursor, 400);
        assertThat(cursor.at("/errors/0/field").asString()).isEqualTo("cursor");
        String queueCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "1\u001f+999999999-12-31T23:59:59Z\u001ffb-x".getBytes(StandardCharsets.UTF_8));
        assertThat(api().get("/api/v1/admin/feedback?cursor=" + queueCursor, OPERATOR).at("/errors/0/field")
                .asString()).isEqualTo("cursor");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
