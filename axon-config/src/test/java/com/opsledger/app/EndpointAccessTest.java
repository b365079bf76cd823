package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint Spring has mapped (read from its handler mappings, so a new endpoint is walked without
 * editing this test) with every HTTP method and every caller, and checks the answer against the access matrix the
 * README documents. On an instance of its own, since an admin's walk starts jobs (a classifier re-run).
 */
class EndpointAccessTest {

    /** The callers: what each sends, and the role the matrix knows it by. */
    enum Caller {
        ANONYMOUS(null, null), NO_ROLES(Api.token("walk-nobody"), null), EMPTY_ROLE(Api.token("walk-empty", ""), null),
        AUDITOR(Api.token("walk-auditor", "auditor"), null), OPERATOR(Api.token("walk-operator", "operator"), null),
        ADMIN(Api.token("walk-admin", "admin"), null), SERVICE(null, IntegrationTest.SERVICE_KEY);

        final String token;
        final String serviceKey;

        Caller(String token, String serviceKey) {
            this.token = token;
            this.serviceKey = serviceKey;
        }
    }

    /** Every method a client can send: the usual ones and one no server knows. */
    private static final List<String> METHODS = List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE",
            "PURGE");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> KNOWN = Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");

    private static ConfigurableApplicationContext service;
    private static Api api;
    private static int port;

    @BeforeAll
    static void start() {
        service = TestService.start(TestService.settings(TestDatabase.freshDatabase()));
        port = TestService.port(service);
        api = new Api(port);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /**
     * The documented matrix: which callers pass the door of a path with a method. Who passes is then answered by
     * the endpoint itself (200, 400, 404, 405 for a method it does not have); who does not gets 401 or 403.
     */
    static boolean passes(Caller caller, String method, String path) {
        boolean read = READS.contains(method);
        boolean reader = caller == Caller.AUDITOR || caller == Caller.OPERATOR || caller == Caller.ADMIN;
        if (under(path, "/webhooks") || path.equals("/error")) {
            return true; // webhooks are verified by their signature; /error is where the container forwards errors
        }
        if (under(path, "/api/v1/ingest")) {
            return caller == Caller.SERVICE;
        }
        if (under(path, "/actuator/health")) {
            return read || caller == Caller.ADMIN;
        }
        if (under(path, "/actuator")) {
            return caller == Caller.ADMIN;
        }
        if (under(path, "/api/v1/admin/audit")) {
            return caller == Caller.AUDITOR || caller == Caller.ADMIN;
        }
        if (under(path, "/v3/api-docs") || path.equals("/v3/api-docs.yaml") || path.equals("/swagger-ui.html")
                || under(path, "/swagger-ui")) {
            return read && reader;
        }
        if (under(path, "/api/v1/admin")) {
            if (read) {
                return reader;
            }
            if (under(path, "/api/v1/admin/projections") || path.equals("/api/v1/admin/feedback/reclassification")) {
                return caller == Caller.ADMIN;
            }
            return caller == Caller.OPERATOR || caller == Caller.ADMIN;
        }
        return false;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Who is refused: without credentials of the door's kind 401, with them but not the role 403. */
    static int refusal(Caller caller, String path) {
        boolean tokenDoor = !path.startsWith("/api/v1/ingest/");
        boolean identified = tokenDoor ? caller.token != null : caller.serviceKey != null;
        return identified ? 403 : 401;
    }

    @Test
    void everyMappedEndpointAnswersEveryMethodAndCallerAsTheMatrixSays() {
        Map<String, Set<String>> endpoints = mappedEndpoints();
        assertThat(endpoints).as("the walk finds the endpoints of every area")
                .containsKeys("/api/v1/admin/feedback", "/api/v1/admin/agent-wallet/wallets/walk-id",
                        "/api/v1/admin/audit/events", "/api/v1/ingest/feedback", "/webhooks/stripe",
                        "/actuator/health", "/actuator/prometheus", "/v3/api-docs");
        assertThat(endpoints.size()).isGreaterThan(80);
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, Set<String>> endpoint : endpoints.entrySet()) {
            String path = endpoint.getKey();
            for (String method : METHODS) {
                for (Caller caller : Caller.values()) {
                    Api.Response answer = send(method, path, caller);
                    requests++;
                    String problem = check(answer, caller, method, path, endpoint.getValue());
                    if (problem != null) {
                        wrong.add(method + " " + path + " as " + caller + ": " + problem);
                    }
                }
            }
        }
        assertThat(wrong).as("of " + requests + " requests").isEmpty();
    }

    @Test
    void aHeadRequestIsNoOracle() {
        for (Caller caller : List.of(Caller.ANONYMOUS, Caller.NO_ROLES, Caller.EMPTY_ROLE)) {
            for (String path : List.of("/api/v1/admin/agent-wallet/wallets/wlt-00000000-0000-0000-0000-000000000000",
                    "/api/v1/admin/feedback?q=charged", "/api/v1/admin/feedback?q=zzzz", "/api/v1/admin/projections")) {
                Api.Response head = send("HEAD", path, caller);
                assertThat(head.status()).as("HEAD " + path + " as " + caller)
                        .isEqualTo(caller == Caller.ANONYMOUS ? 401 : 403);
            }
        }
        assertThat(send("HEAD", "/api/v1/admin/feedback", Caller.AUDITOR).status()).isEqualTo(200);
    }

    @Test
    void aPathNoRuleNamesIsRefusedEvenWithEveryRole() {
        for (String path : List.of("/", "/api/v1", "/api/v2/admin/feedback", "/admin", "/static/x.js")) {
            for (Caller caller : Caller.values()) {
                Api.Response answer = send("GET", path, caller);
                assertThat(answer.status()).as("GET " + path + " as " + caller).isEqualTo(refusal(caller, path));
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
    }

    private static String check(Api.Response answer, Caller caller, String method, String path, Set<String> allowed) {
        boolean bodyless = method.equals("HEAD");
        if (!KNOWN.contains(method)) {
            return answer.status() == 405 && answer.contentType().startsWith("application/problem+json") ? null
                    : answer.status() + " " + answer.contentType() + ", expected a 405 problem before any check";
        }
        if (answer.status() >= 400 && !bodyless && !answer.contentType().startsWith("application/problem+json")) {
            return answer.status() + " with " + answer.contentType() + ", not problem+json";
        }
        if (answer.status() >= 400 && !bodyless && answer.raw().contains("\"type\":\"null\"")) {
            return "a problem whose type is the text null";
        }
        if (!passes(caller, method, path)) {
            int expected = refusal(caller, path);
            return answer.status() == expected ? null : answer.status() + ", expected " + expected;
        }
        if (answer.status() == 401 || answer.status() == 403) {
            return answer.status() + " though the matrix lets it through";
        }
        if (!allowed.contains(method)) {
            return answer.status() == 405 ? null : answer.status() + ", expected 405 for a method it does not have";
        }
        if (answer.status() == 405) {
            return "405 for a method it has";
        }
        return answer.status() >= 500 ? answer.status() + ": " + answer.raw() : null;
    }

    private static Api.Response send(String method, String path, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, READS.contains(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        return api.send(request, caller.token, caller.serviceKey);
    }

    /**
     * Every path Spring MVC and the actuator map, with its path variables filled in, and the methods it answers
     * (a GET endpoint also answers HEAD; every path answers OPTIONS).
     */
    private static Map<String, Set<String>> mappedEndpoints() {
        List<RequestMappingInfo> infos = service.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
                .stream().flatMap(mapping -> mapping.getHandlerMethods().keySet().stream()).toList();
        Map<String, Set<String>> endpoints = new TreeMap<>();
        for (RequestMappingInfo info : infos) {
            for (String pattern : info.getPatternValues()) {
                endpoints.put(concrete(pattern), new TreeSet<>());
            }
        }
        // A concrete path may match several mappings (/feedback/{id} and /feedback/reclassification): it answers
        // the methods of all of them.
        for (Map.Entry<String, Set<String>> endpoint : endpoints.entrySet()) {
            for (RequestMappingInfo info : infos) {
                boolean matches = info.getPatternValues().stream().map(PathPatternParser.defaultInstance::parse)
                        .anyMatch(pattern -> pattern.matches(org.springframework.http.server.PathContainer
                                .parsePath(endpoint.getKey())));
                if (matches) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    (methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods)
                            .forEach(m -> endpoint.getValue().add(m.name()));
                }
            }
            if (endpoint.getValue().contains("GET")) {
                endpoint.getValue().add("HEAD");
            }
            endpoint.getValue().add("OPTIONS");
        }
        return endpoints;
    }

    /** A pattern's path with a harmless value for each variable: ids no item has, a number no position has. */
    private static String concrete(String pattern) {
        PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
        return parsed.getPatternString()
                .replaceAll("\\{\\*[^}]+}", "walk")
                .replaceAll("/\\*\\*$", "/walk")
                .replaceAll("\\{(position|sequence)}", "999999")
                .replaceAll("\\{kind}", "feedback")
                .replaceAll("\\{[^}]+}", "walk-id");
    }
}
