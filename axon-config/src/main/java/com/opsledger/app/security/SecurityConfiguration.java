package com.opsledger.app.security;

import com.opsledger.app.database.SingleLocationHistory;
import com.opsledger.app.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Operators authenticate with JWT bearer tokens (roles from a claim); the platform's ingest calls with the service
 * key. Nothing but health is open to anonymous callers. The service refuses to start without both secrets, before it
 * touches the database.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The roles a token's claim may grant; any other value in it grants nothing. */
    private static final List<String> TOKEN_ROLES = List.of(Roles.AUDITOR, Roles.OPERATOR, Roles.ADMIN);
    /** The methods the firewall lets in (its default); any other is answered 405 before authentication. */
    private static final List<String> KNOWN_METHODS = List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH",
            "DELETE");
    private static final int MAX_REMEMBERED_TOKENS = 10_000;
    private static final Duration TOKEN_MAX_AGE = Duration.ofMinutes(5);

    /**
     * The security settings are checked before Flyway touches the database: the migration waits for this strategy,
     * so a service that cannot start leaves no tables behind in a production database it was pointed at. A database
     * of the single-location layout has its history taken over first.
     */
    @Bean
    FlywayMigrationStrategy securitySettingsFirst(SecurityProperties properties,
                                                  @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}")
                                                  String jwkSetUri) {
        List<String> problems = properties.problems(jwkSetUri);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("OpsLedger cannot start: " + String.join("; ", problems));
        }
        return flyway -> {
            SingleLocationHistory.adopt(flyway);
            flyway.migrate();
        };
    }

    /**
     * Webhooks authenticate by their signature, which their controller verifies against the sender's secret before
     * reading anything else; no token, no anonymous identity (the events name their sender as the actor).
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        return stateless(http)
                .securityMatcher(AccessRules.WEBHOOKS)
                .anonymous(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain ingestChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        return stateless(http)
                .securityMatcher(AccessRules.INGEST)
                .addFilterBefore(new ServiceKeyFilter(properties.serviceKey()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.SERVICE))
                .build();
    }

    /**
     * Operators' rules, by path, never by one HTTP method ({@link AccessRules}); a path no rule names is refused. The
     * README's "Who may call what" table states them; EndpointAccessTest walks every mapped endpoint with every method
     * and role against it.
     */
    @Bean
    @Order(2)
    SecurityFilterChain operatorChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        return stateless(http)
                .authorizeHttpRequests(requests -> {
                    for (AccessRules.Rule rule : AccessRules.OPERATORS) {
                        RequestMatcher path = PathPatternRequestMatcher.withDefaults().matcher(rule.pattern());
                        RequestMatcher matcher = !rule.readsOnly() ? path
                                : request -> AccessRules.READ_METHODS.contains(request.getMethod())
                                        && path.matches(request);
                        if (rule.isPublic()) {
                            requests.requestMatchers(matcher).permitAll();
                        } else {
                            requests.requestMatchers(matcher).hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(properties.rolesClaim())))
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    /**
     * Production verifies tokens against a JWK set; local use and tests against an HMAC secret. Either way accepted
     * tokens are remembered until they expire, for at most {@link #TOKEN_MAX_AGE}.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties,
                          @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
        return new CachingJwtDecoder(verifier(properties, jwkSetUri), Clock.systemUTC(), MAX_REMEMBERED_TOKENS,
                TOKEN_MAX_AGE);
    }

    static JwtDecoder verifier(SecurityProperties properties, String jwkSetUri) {
        NimbusJwtDecoder decoder = jwkSetUri.isBlank()
                ? NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
                        properties.jwt().hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256).build()
                : NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(TokenRules.of(properties.jwt(), Clock.systemUTC()));
        return decoder;
    }

    /**
     * Spring's strict firewall with the same character rules, checked without regular expressions. It refuses a
     * method it does not know before anything else runs: with 405 (RFC 9110 lets a server refuse any method so), every
     * other request it refuses with 400.
     */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(FirewallCharacters::headerValue);
        firewall.setAllowedParameterNames(FirewallCharacters::assignedAndNotControl);
        RequestRejectedHandler otherwise = new HttpStatusRequestRejectedHandler();
        RequestRejectedHandler rejected = (request, response, e) -> {
            if (KNOWN_METHODS.contains(request.getMethod())) {
                otherwise.handle(request, response, e);
            } else {
                response.setHeader("Allow", String.join(", ", KNOWN_METHODS));
                Problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED,
                        "The request's method is not one of " + String.join(", ", KNOWN_METHODS));
            }
        };
        return web -> web.httpFirewall(firewall).requestRejectedHandler(rejected);
    }

    /**
     * Request metrics come from Spring MVC's observation; observing every security filter, authentication and
     * authorization as well allocated about a fifth of a submission's garbage (bench/README.md, tuning log).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()));
    }

    private static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        return jwt -> {
            List<String> roles = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : List.of();
            Collection<GrantedAuthority> authorities = roles.stream()
                    .filter(TOKEN_ROLES::contains)
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "Authentication required: send an operator bearer token, or the service key on ingest paths");
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, e) -> Problems.write(request, response, HttpStatus.FORBIDDEN,
                "Your role does not allow this request");
    }
}
