package com.opsledger.events.feedback;

import java.util.List;

/**
 * What the classifier (or an operator's override) says of a feedback text.
 *
 * @param securityClasses attack families found, in enum order, empty for ordinary feedback
 * @param signal          signal quality category
 * @param severity        triage severity
 * @param findings        why: the classifier's rules that fired for each class; empty for ordinary feedback and for an
 *                        operator's override, whose reason is in the event's metadata
 */
public record Classification(List<SecurityClass> securityClasses, SignalCategory signal, Severity severity,
                             List<Finding> findings) {

    public Classification {
        securityClasses = securityClasses.stream().distinct().sorted().toList();
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** A classification without findings: an operator's, or one made before the classifier explained itself. */
    public Classification(List<SecurityClass> securityClasses, SignalCategory signal, Severity severity) {
        this(securityClasses, signal, severity, List.of());
    }

    /** Whether both say the same of the text (classes, signal, severity), whatever evidence each cites. */
    public boolean sameVerdict(Classification other) {
        return securityClasses.equals(other.securityClasses) && signal == other.signal && severity == other.severity;
    }
}
