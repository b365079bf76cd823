package com.opsledger.command.feedback.probes;

import com.opsledger.events.feedback.Finding;
import com.opsledger.events.feedback.SecurityClass;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence the detectors collect over one message, scored the way anomaly-scoring firewalls do: each rule that
 * fires adds its weight to its class once, and a class is assigned from {@value #THRESHOLD}. In a message with
 * prose of its own (see {@link ProbeText}), the code is the writer's example: a rule weighs
 * {@value #PROSE_FACTOR} of its weight and only the strongest counts, so a bug report that quotes code is
 * flagged only for a rule that never fires on legitimate code.
 */
final class Findings {

    static final double THRESHOLD = 1.0;
    /** An excerpt shows at least this much of the text from where the rule matched, so the payload is readable. */
    private static final int SHORTEST_EXCERPT = 40;
    static final double PROSE_FACTOR = 0.6;

    /** Weights: CERTAIN survives the prose discount, STRONG decides alone in a payload, WEAK needs company. */
    static final double CERTAIN = 2.0;
    static final double STRONG = 1.0;
    static final double WEAK = 0.5;

    private record Evidence(double weight, Finding finding) {
    }

    private final ProbeText text;
    private final Map<SecurityClass, Map<String, Evidence>> byClass = new EnumMap<>(SecurityClass.class);

    Findings(ProbeText text) {
        this.text = text;
    }

    /** Records that {@code rule} matched {@code [start, end)} of the decoded text. */
    void add(SecurityClass securityClass, String rule, double weight, int start, int end) {
        String excerpt = excerpt(text.text(), start, Math.min(start + Finding.MAX_EXCERPT,
                Math.max(end, start + SHORTEST_EXCERPT)));
        byClass.computeIfAbsent(securityClass, c -> new LinkedHashMap<>()).merge(rule,
                new Evidence(text.hasProse() ? weight * PROSE_FACTOR : weight, new Finding(securityClass, rule, excerpt)),
                (old, found) -> found.weight() > old.weight() ? found : old);
    }

    /**
     * The decoded text from {@code start} to {@code end}, safe to show and to store as JSON text: control characters
     * become their Unicode pictures (NUL is ␀), a surrogate without its pair becomes U+FFFD, and a pair is never cut.
     */
    static String excerpt(String text, int start, int end) {
        int cut = Math.min(text.length(), end);
        if (cut > start && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        StringBuilder excerpt = new StringBuilder(cut - start);
        for (int i = start; i < cut; i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < cut && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > start && Character.isHighSurrogate(text.charAt(i - 1));
            if (c < 0x20 && c != '\n' && c != '\t') {
                excerpt.append((char) (0x2400 + c));
            } else if (c == 0x7F) {
                excerpt.append('\u2421');
            } else if (Character.isSurrogate(c) && !paired) {
                excerpt.append('\uFFFD');
            } else {
                excerpt.append(c);
            }
        }
        return excerpt.toString().strip();
    }

    boolean has(SecurityClass securityClass) {
        return score(securityClass) >= THRESHOLD;
    }

    /** A payload counts every rule that fired; prose only its strongest. */
    double score(SecurityClass securityClass) {
        var rules = byClass.getOrDefault(securityClass, Map.of()).values().stream().mapToDouble(Evidence::weight);
        return text.hasProse() ? rules.max().orElse(0) : rules.sum();
    }

    /** The findings of every class that reached the threshold, strongest first within a class. */
    List<Finding> assigned() {
        List<Finding> assigned = new ArrayList<>();
        byClass.forEach((securityClass, rules) -> {
            if (has(securityClass)) {
                rules.values().stream().sorted((a, b) -> Double.compare(b.weight(), a.weight()))
                        .map(Evidence::finding).forEach(assigned::add);
            }
        });
        return assigned;
    }
}
