package com.opsledger.app;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;
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
        List<String> roles = Binder.get(context.getEnvironment()).bind(PROPERTY, String[].class)
                .map(values -> List.of(values).stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList())
                .orElse(List.copyOf(KNOWN));
        if (roles.isEmpty() || !KNOWN.containsAll(roles)) {
            throw new IllegalStateException(PROPERTY + " must list command, query or both; got " + roles);
        }
        return roles;
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
