package com.opsledger.events.feedback;

import java.util.List;

/**
 * What the classifier (or an operator's override) says of a feedback text.
 *
 * @param securityClasses attack families found, in enum order, empty for ordinary feedback
 * @param signal          signal quality category
 * @param severity        triage severity
 */
public record Classification(List<SecurityClass> securityClasses, SignalCategory signal, Severity severity) {

    public Classification {
        securityClasses = securityClasses.stream().distinct().sorted().toList();
    }
}
