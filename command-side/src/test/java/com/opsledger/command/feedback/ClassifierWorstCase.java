package com.opsledger.command.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier's time per message for every {@link AdversarialMessages adversarial shape} at the longest message
 * ingest accepts, beside ordinary feedback, after a warm-up: a benchmark, run by {@code bench/classifier}, never by
 * the test suite. Prints a Markdown table, slowest first.
 */
public final class ClassifierWorstCase {

    private static final int LONGEST = 10_000;

    public static void main(String[] args) {
        long warmupSeconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("ordinary bug report (64 chars)", "Export to CSV is broken on the reports page since the last update");
        inputs.put("ordinary long report (10,000 chars)", AdversarialMessages.cycle(LONGEST,
                "Steps to reproduce: open the billing page, press save; the page shows an error. "));
        inputs.put("XSS probe (31 chars)", "\"><img src=x onerror=alert(1)>");
        AdversarialMessages.SHAPES.forEach(shape -> inputs.put(shape.name() + " (10,000 chars)",
                shape.make().apply(LONGEST)));

        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            inputs.values().forEach(FeedbackClassifier::classify);
        }
        List<Map.Entry<String, double[]>> rows = new ArrayList<>();
        inputs.forEach((name, message) -> {
            double[] micros = new double[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                FeedbackClassifier.classify(message);
                micros[i] = (System.nanoTime() - start) / 1_000.0;
            }
            Arrays.sort(micros);
            rows.add(Map.entry(name, micros));
        });
        rows.sort((a, b) -> Double.compare(b.getValue()[samples / 2], a.getValue()[samples / 2]));
        System.out.printf("Warm-up %d s, %d samples per input; microseconds per message.%n%n", warmupSeconds, samples);
        System.out.println("| input | median µs | max µs |");
        System.out.println("| --- | --- | --- |");
        rows.forEach(row -> System.out.printf("| %s | %.0f | %.0f |%n", row.getKey(), row.getValue()[samples / 2],
                row.getValue()[samples - 1]));
    }
}
