package com.opsledger.events.feedback;

/** The attack families the classifier recognises in feedback text. */
public enum SecurityClass {
    /** Cross-site scripting: script tags, event handlers, javascript: URLs. */
    SCRIPT,
    /** Shell command injection. */
    COMMAND,
    /** SQL injection. */
    SQL,
    /** Server-side template injection. */
    TEMPLATE,
    /** Path traversal and local file inclusion. */
    PATH,
    /** Garbage, overlong input, control characters and format strings. */
    FUZZ
}
