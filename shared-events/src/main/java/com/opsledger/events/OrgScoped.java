package com.opsledger.events;

/**
 * An event that names the organisation its aggregate belongs to. The audit trail files every later event of that
 * aggregate under the same organisation, so an auditor can ask for one organisation's history.
 */
public interface OrgScoped {

    String orgId();
}
