package com.opsledger.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer is problem+json, whatever rejects the request: Tomcat before any servlet runs, the firewall, Spring
 * MVC (405, 406, 415), security, actuator. Sent over a raw socket, as an attacker sends them.
 */
class ProblemEverywhereTest extends IntegrationTest {

    private static final String AUTH = "Authorization: " + Api.token("pia", "operator");

    static Stream<Arguments> rejectedRequests() {
        return Stream.of(
                Arguments.of("an encoded slash in the path", "GET /api/v1/admin/feedback/a%2Fb HTTP/1.1\r\n" + AUTH, 400),
                Arguments.of("an encoded backslash in the path", "GET /api/v1/admin/feedback/a%5Cb HTTP/1.1\r\n" + AUTH,
                        400),
                Arguments.of("a traversal in the path", "GET /api/v1/admin/../../etc/passwd HTTP/1.1\r\n" + AUTH, 400),
                Arguments.of("an unknown HTTP version", "GET /api/v1/admin/feedback HTTP/9.9\r\n" + AUTH, 505),
                Arguments.of("an oversized header", "GET /api/v1/admin/feedback HTTP/1.1\r\nX-Big: " + "a".repeat(20_000),
                        400),
                Arguments.of("a semicolon path parameter", "GET /api/v1/admin/feedback;jsessionid=x HTTP/1.1\r\n" + AUTH,
                        400),
                Arguments.of("a method the path does not take", "DELETE /api/v1/admin/feedback HTTP/1.1\r\n" + AUTH, 405),
                Arguments.of("an Accept without JSON", "GET /api/v1/admin/feedback HTTP/1.1\r\nAccept: text/html\r\n" + AUTH,
                        406),
                Arguments.of("a body that is not JSON", "POST /api/v1/admin/feedback/fb-x/reopen HTTP/1.1\r\n" + AUTH
                        + "\r\nContent-Type: text/plain", 415),
                Arguments.of("an actuator health component anonymously", "GET /actuator/health/db HTTP/1.1", 404),
                Arguments.of("an unknown actuator endpoint", "GET /actuator/nothing HTTP/1.1\r\n"
                        + "Authorization: " + Api.token("root", "admin"), 404),
                Arguments.of("a path no rule names (denied by default)", "GET /nothing/here HTTP/1.1\r\n" + AUTH, 403),
                Arguments.of("no credentials", "GET /api/v1/admin/feedback HTTP/1.1", 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRequests")
    void theAnswerIsProblemJson(String what, String head, int status) {
        Api.Response response = api().raw(head, head.startsWith("POST") ? "reason=x" : "");

        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).as(response.raw()).startsWith("application/problem+json");
        assertThat(response.at("/status").asInt()).isEqualTo(status);
        assertThat(response.raw()).doesNotContain("<html", "Exception", "Tomcat");
    }
}
