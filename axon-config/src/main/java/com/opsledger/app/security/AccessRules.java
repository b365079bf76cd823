package com.opsledger.app.security;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Set;

/**
 * Who may call what with an operator token: the one list that {@link SecurityConfiguration} enforces and the API
 * document states, first match wins. A rule covers either the methods that only read (GET, HEAD, OPTIONS) or every
 * method; a path no rule names is refused. Webhooks (signed) and ingest (service key) have chains of their own.
 */
public final class AccessRules {

    /** The methods that only read; every other method, whatever its name, is a write. */
    public static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    public static final String WEBHOOKS = "/webhooks/**";
    public static final String INGEST = "/api/v1/ingest/**";

    private static final List<String> READERS = List.of(Roles.AUDITOR, Roles.OPERATOR, Roles.ADMIN);
    private static final List<String> WRITERS = List.of(Roles.OPERATOR, Roles.ADMIN);
    /** The audit trail is the auditors' (and admins'): operators see the timelines of their own screens. */
    private static final List<String> AUDITORS = List.of(Roles.AUDITOR, Roles.ADMIN);
    private static final List<String> ADMINS = List.of(Roles.ADMIN);
    private static final List<String> ANYONE = List.of();

    /**
     * One rule.
     *
     * @param readsOnly whether it covers only the reading methods (else every method)
     * @param roles     the roles allowed; empty: anyone, without a token
     */
    public record Rule(String pattern, boolean readsOnly, List<String> roles) {

        boolean isPublic() {
            return roles.isEmpty();
        }

        /** Whether the rule covers {@code method} on {@code path} (a concrete path or an API path template). */
        public boolean covers(String method, String path) {
            return (!readsOnly || READ_METHODS.contains(method))
                    && PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path));
        }
    }

    static final List<Rule> OPERATORS = List.of(
            new Rule("/actuator/health", true, ANYONE),
            new Rule("/actuator/health/**", true, ANYONE),
            new Rule("/error", false, ANYONE),
            new Rule("/actuator/**", false, ADMINS),
            new Rule("/api/v1/admin/audit/**", false, AUDITORS),
            new Rule("/api/v1/admin/**", true, READERS),
            new Rule("/v3/api-docs", true, READERS),
            new Rule("/v3/api-docs/**", true, READERS),
            new Rule("/v3/api-docs.yaml", true, READERS),
            new Rule("/swagger-ui.html", true, READERS),
            new Rule("/swagger-ui/**", true, READERS),
            new Rule("/api/v1/admin/projections/**", false, ADMINS),
            new Rule("/api/v1/admin/feedback/reclassification", false, ADMINS),
            new Rule("/api/v1/admin/**", false, WRITERS));

    private AccessRules() {
    }

    /**
     * The roles that may call {@code method} on {@code path} with an operator token: empty for anyone, null when no
     * rule names it (refused).
     */
    public static List<String> rolesFor(String method, String path) {
        return OPERATORS.stream().filter(rule -> rule.covers(method, path)).findFirst()
                .map(Rule::roles).orElse(null);
    }
}
