package com.opsledger.query.audit;

import com.opsledger.events.AggregateTypes;
import com.opsledger.query.audit.AuditQueries.AuditEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void csvCellsAreQuotedAsRfc4180AndNeverStartAFormula() {
        assertThat(AuditExport.Csv.cell("plain")).isEqualTo("plain");
        assertThat(AuditExport.Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExport.Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditExport.Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        for (String formula : List.of("+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(AuditExport.Csv.cell(formula)).as(formula).contains("'" + formula.charAt(0));
        }
        assertThat(AuditExport.Csv.cell("")).isEmpty();
    }

    @Test
    void storedJsonIsWrittenAsStoredAndTextThatIsNoJsonLineAsAString() {
        String stored = "{\"b\":1.50,\"a\":[1,2]}";
        List<String> lines = ndjson(List.of(event(1, stored), event(2, "{\"broken\":"), event(3, "{\"a\":\n1}"),
                event(4, "1 2")));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("\"payload\":" + stored + ",");
        assertThat(lines.get(1)).contains("\"payload\":\"{\\\"broken\\\":\"");
        assertThat(lines.get(2)).contains("\"payload\":\"{\\\"a\\\":\\n1}\"");
        assertThat(lines.get(3)).contains("\"payload\":\"1 2\"");
        assertThat(JSON.readTree(lines.get(4)).at("/end/count").asLong()).isEqualTo(4);
        assertThat(JSON.readTree(lines.get(4)).at("/end/lastPosition").asLong()).isEqualTo(4);
        assertThat(JSON.readTree(lines.get(4)).at("/end/toPosition").asLong()).isEqualTo(10);
        assertThat(JSON.readTree(lines.get(4)).at("/end/chainHash").asString()).isEqualTo("ab");
        lines.forEach(line -> assertThat(JSON.readTree(line).isObject()).isTrue());
    }

    @Test
    void theAuditTrailWaitsForEveryAggregateType() throws IllegalAccessException {
        List<String> declared = new ArrayList<>();
        for (Field field : AggregateTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                declared.add((String) field.get(null));
            }
        }
        assertThat(AggregateTypes.ALL).containsExactlyInAnyOrderElementsOf(declared);
    }

    private static List<String> ndjson(List<AuditEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> begun = new ArrayList<>();
        AuditExport export = AuditExport.of(AuditExport.Format.NDJSON, out, JSON, begun::add);
        export.begin(10);
        events.forEach(export::write);
        export.end(3L, "ab");
        assertThat(begun).containsExactly(10L);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return text.lines().toList();
    }

    private static AuditEvent event(long position, String payload) {
        return new AuditEvent(position, "ev-" + position, "Feedback", "fb-1", position - 1, "FeedbackTriaged",
                "com.opsledger.events.feedback.event.FeedbackTriaged", null, Instant.parse("2026-12-03T10:00:00Z"),
                "alice", null, null, "c", "c", StoredJson.of(payload), StoredJson.of("{}"));
    }
}
