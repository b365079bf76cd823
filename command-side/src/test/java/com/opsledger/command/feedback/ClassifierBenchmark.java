package com.opsledger.command.feedback;

import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier's time per message, after a warm-up: a benchmark, run by {@code bench/classifier} and
 * {@code bench/run}, never by the test suite. Prints Markdown: percentiles over the labelled corpus as written and
 * with every row repeated to the longest message ingest accepts, then every {@link AdversarialMessages adversarial
 * shape} at that length, slowest first, with the worst time of all.
 */
public final class ClassifierBenchmark {

    private static final int LONGEST = 10_000;

    public static void main(String[] args) throws IOException {
        long warmupSeconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<String> corpus = corpus();
        List<String> longCorpus = corpus.stream().map(row -> AdversarialMessages.cycle(LONGEST, row + " ")).toList();
        Map<String, String> adversarial = new LinkedHashMap<>();
        adversarial.put("ordinary long report", AdversarialMessages.cycle(LONGEST,
                "Steps to reproduce: open the billing page, press save; the page shows an error. "));
        AdversarialMessages.SHAPES.forEach(shape -> adversarial.put(shape.name(), shape.make().apply(LONGEST)));

        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            corpus.forEach(FeedbackClassifier::classify);
            adversarial.values().forEach(FeedbackClassifier::classify);
        }
        System.out.printf("Warm-up %d s; microseconds per message.%n%n", warmupSeconds);
        System.out.println("| messages | count | p50 µs | p95 µs | p99 µs | max µs |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        row("corpus rows as written", times(corpus, Math.max(1, samples / 10)));
        row("corpus rows repeated to 10,000 chars", times(longCorpus, 1));
        System.out.println();

        List<Map.Entry<String, double[]>> shapes = new ArrayList<>();
        adversarial.forEach((name, message) -> shapes.add(Map.entry(name, times(List.of(message), samples))));
        shapes.sort((a, b) -> Double.compare(b.getValue()[samples / 2], a.getValue()[samples / 2]));
        System.out.println("| adversarial input (10,000 chars) | median µs | max µs |");
        System.out.println("| --- | --- | --- |");
        shapes.forEach(s -> System.out.printf("| %s | %.0f | %.0f |%n", s.getKey(), s.getValue()[samples / 2],
                s.getValue()[samples - 1]));
        System.out.printf("%nWorst time of any adversarial input: %.0f µs.%n",
                shapes.stream().mapToDouble(s -> s.getValue()[samples - 1]).max().orElse(0));
    }

    /** Every message classified {@code rounds} times, each time measured; sorted. */
    private static double[] times(List<String> messages, int rounds) {
        double[] micros = new double[messages.size() * rounds];
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (String message : messages) {
                long start = System.nanoTime();
                FeedbackClassifier.classify(message);
                micros[n++] = (System.nanoTime() - start) / 1_000.0;
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void row(String name, double[] sorted) {
        System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", name, sorted.length, at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static List<String> corpus() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ClassifierBenchmark.class.getResourceAsStream("/classifier-corpus/corpus.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(json.readTree(line).get("text").asString());
            }
        }
        return rows;
    }
}
