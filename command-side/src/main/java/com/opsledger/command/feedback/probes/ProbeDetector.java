package com.opsledger.command.feedback.probes;

import com.opsledger.events.feedback.Finding;
import com.opsledger.events.feedback.SecurityClass;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds attack payloads in a message: decodes it ({@link ProbeText}), runs each class's rules, and keeps the
 * classes whose evidence reaches the threshold ({@link Findings}). A pure function, linear in the message.
 */
public final class ProbeDetector {

    /** What was found: the classes, the evidence for each, and the decoded text the rules read. */
    public record Detection(Set<SecurityClass> classes, List<Finding> findings, String decoded) {
    }

    private ProbeDetector() {
    }

    /** The decoded text the rules read, without running them. */
    public static String decode(String message) {
        return ProbeText.of(message, UnaryOperator.identity()).text();
    }

    public static Detection detect(String message, UnaryOperator<CharSequence> reads) {
        ProbeText text = ProbeText.of(message, reads);
        Findings findings = new Findings(text);
        Rule.applyAll(ScriptRules.RULES, text.text(), reads, findings);
        SqlRules.detect(text, reads, findings);
        CommandRules.detect(text, reads, findings);
        Rule.applyAll(TemplateRules.RULES, text.text(), reads, findings);
        PathRules.detect(text, message, reads, findings);
        boolean noOtherClass = EnumSet.complementOf(EnumSet.of(SecurityClass.FUZZ)).stream().noneMatch(findings::has);
        FuzzRules.detect(text, reads, noOtherClass, findings);
        List<Finding> assigned = findings.assigned();
        Set<SecurityClass> classes = EnumSet.noneOf(SecurityClass.class);
        assigned.forEach(f -> classes.add(f.securityClass()));
        return new Detection(classes, assigned, text.text());
    }
}
