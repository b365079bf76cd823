package com.opsledger.app;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * What a node runs: {@code opsledger.node.roles} lists {@code command}, {@code query} or both (the default).
 * The conditions below let {@link OpsLedgerApplication} scan the command side (aggregates, command endpoints) and the
 * query side (projections, read endpoints) only on nodes that hold that role, so each side scales on its own.
 */
public final class NodeRoles {

    static final String PROPERTY = "opsledger.node.roles";
    private static final Set<String> KNOWN = Set.of("command", "query");

    private NodeRoles() {
    }

    static List<String> of(ConditionContext context) {
        return of(context.getEnvironment());
    }

    static List<String> of(Environment environment) {
        List<String> roles = Binder.get(environment).bind(PROPERTY, String[].class)
                .map(values -> List.of(values).stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList())
                .orElse(List.copyOf(KNOWN));
        if (roles.isEmpty() || !KNOWN.containsAll(roles)) {
            throw new IllegalStateException(PROPERTY + " must list command, query or both; got " + roles);
        }
        return roles;
    }

    /**
     * Deadlines fire into aggregates, which only command nodes hold: a node without the command role runs no
     * db-scheduler ({@code db-scheduler.enabled=false}), so it never picks a deadline it cannot deliver.
     */
    public static class DeadlinesOnCommandNodes implements EnvironmentPostProcessor, Ordered {
        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (!of(environment).contains("command")) {
                environment.getPropertySources().addFirst(new MapPropertySource("opsledger-node-roles",
                        Map.of("db-scheduler.enabled", "false")));
            }
        }

        @Override
        public int getOrder() {
            // After the configuration files are read (ConfigDataEnvironmentPostProcessor).
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    static class CommandRole implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context).contains("command");
        }
    }

    static class QueryRole implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context).contains("query");
        }
    }
}
