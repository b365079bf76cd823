package com.opsledger.command.feedback;

import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.SecurityClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall per class and the share of real feedback flagged, on the labelled corpus under
 * {@code classifier-corpus/} (how it is made: {@code generate.py} there). The floors hold on the held-out part,
 * which the rules were not tuned on. Run with {@code -Dcorpus.misses=true} to list what the classifier gets wrong on
 * the tuning part; the held-out part's misses are not listed, so that nobody tunes on them by accident.
 */
class ClassifierCorpusTest {

    private static final double RECALL_FLOOR = 0.95;
    private static final double BENIGN_FLAGGED_CEILING = 0.01;

    record Row(String split, String label, String text) {
    }

    /** Detected and total per label, for one split. */
    record Tally(Map<String, int[]> byLabel, List<String> misses) {

        double rate(String label) {
            int[] counts = byLabel.get(label);
            return (double) counts[0] / counts[1];
        }
    }

    private static List<Row> corpus;

    @BeforeAll
    static void load() throws IOException {
        corpus = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ClassifierCorpusTest.class.getResourceAsStream("/classifier-corpus/corpus.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode row = json.readTree(line);
                corpus.add(new Row(row.get("split").asString(), row.get("label").asString(), row.get("text").asString()));
            }
        }
    }

    @Test
    void theCorpusHoldsThreeHundredAttacksPerClassAndAThousandBenignTexts() {
        Map<String, Integer> sizes = new TreeMap<>();
        corpus.forEach(r -> sizes.merge(r.label(), 1, Integer::sum));
        assertThat(sizes).containsOnlyKeys("benign", "command", "path", "script", "sql", "template");
        sizes.forEach((label, size) -> assertThat(size).as(label).isGreaterThanOrEqualTo(label.equals("benign") ? 1000 : 300));
        assertThat(corpus.stream().filter(r -> r.split().equals("held-out")).count()).isGreaterThan(corpus.size() / 5);
    }

    @Test
    void heldOutRecallPerClassAndBenignFlaggedMeetTheFloors() {
        Tally tuning = tally("tuning");
        Tally heldOut = tally("held-out");
        System.out.println(report(tuning, heldOut));
        if (Boolean.getBoolean("corpus.misses")) {
            System.out.println("misses (tuning):\n" + String.join("\n", tuning.misses()));
        }
        heldOut.byLabel().keySet().stream().filter(label -> !label.equals("benign")).forEach(label ->
                assertThat(heldOut.rate(label)).as("held-out recall of %s", label).isGreaterThanOrEqualTo(RECALL_FLOOR));
        assertThat(heldOut.rate("benign")).as("held-out share of benign texts flagged").isLessThanOrEqualTo(BENIGN_FLAGGED_CEILING);
    }

    /** For an attack row, whether its class was found; for a benign row, whether any class was. */
    private static Tally tally(String split) {
        Map<String, int[]> byLabel = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Row row : corpus) {
            if (!row.split().equals(split)) {
                continue;
            }
            Classification c = FeedbackClassifier.classify(row.text()).classification();
            boolean counted = row.label().equals("benign") ? !c.securityClasses().isEmpty()
                    : c.securityClasses().contains(SecurityClass.valueOf(row.label().toUpperCase(Locale.ROOT)));
            int[] counts = byLabel.computeIfAbsent(row.label(), l -> new int[2]);
            counts[0] += counted ? 1 : 0;
            counts[1]++;
            if (counted == row.label().equals("benign")) {
                misses.add(row.label() + "\t" + c.securityClasses() + "\t" + c.findings().stream()
                        .map(f -> f.rule()).distinct().toList() + "\t" + row.text().replace("\n", "⏎"));
            }
        }
        return new Tally(byLabel, misses);
    }

    private static String report(Tally tuning, Tally heldOut) {
        StringBuilder report = new StringBuilder("| class | tuning | held-out |\n| --- | --- | --- |\n");
        heldOut.byLabel().forEach((label, counts) -> report.append(String.format(Locale.ROOT, "| %s | %s | %s |%n",
                label.equals("benign") ? "benign flagged" : label + " recall",
                cell(tuning.byLabel().get(label)), cell(counts))));
        return report.toString();
    }

    private static String cell(int[] counts) {
        return String.format(Locale.ROOT, "%.3f (%d/%d)", (double) counts[0] / counts[1], counts[0], counts[1]);
    }
}
