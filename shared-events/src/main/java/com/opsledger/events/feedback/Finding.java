package com.opsledger.events.feedback;

/**
 * Why the classifier assigned a security class: the rule that fired and the text it fired on.
 *
 * @param securityClass the class the rule is evidence for
 * @param rule          the rule's name, as the README lists them (for example {@code sql.tautology})
 * @param excerpt       the decoded text the rule matched, cut to {@link #MAX_EXCERPT} characters
 */
public record Finding(SecurityClass securityClass, String rule, String excerpt) {

    public static final int MAX_EXCERPT = 80;
}
