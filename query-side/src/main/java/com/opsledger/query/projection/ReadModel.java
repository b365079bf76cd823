package com.opsledger.query.projection;

import java.util.Set;

/**
 * A read model as the read-your-writes wait sees it: the processing group that builds it and the aggregate types
 * whose events it is built from.
 */
public record ReadModel(String processingGroup, Set<String> aggregateTypes) {
}
