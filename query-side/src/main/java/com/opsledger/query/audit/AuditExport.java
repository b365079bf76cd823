package com.opsledger.query.audit;

import com.opsledger.query.audit.AuditQueries.AuditEvent;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * An export of the history, one event per line and a last line that says how many lines came before it and to which
 * position the export went: a download that stopped early lacks that line, and is resumed from the position after
 * the last event received ({@code fromPosition}, with the same {@code toPosition}).
 */
abstract sealed class AuditExport {

    enum Format {
        NDJSON("application/x-ndjson", "ndjson"), CSV("text/csv;charset=UTF-8;header=present", "csv");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /**
     * The last line's content: the events written, the positions the export covered, and the audit chain's entry at
     * the highest chained position up to {@code toPosition} (hex SHA-256; absent before anything is chained), which
     * {@code /verify} and {@code verify-audit} vouch for.
     */
    record End(long count, Long lastPosition, long toPosition, Long chainPosition, String chainHash) {
    }

    /** The NDJSON export's last line, {@code {"end": {...}}}, told apart from events by its one field. */
    record EndLine(End end) {
    }

    private final LongConsumer onBegin;
    private long count;
    private Long lastPosition;
    private long toPosition;

    private AuditExport(LongConsumer onBegin) {
        this.onBegin = onBegin;
    }

    /** {@code onBegin} learns the position the export goes to before anything is written. */
    static AuditExport of(Format format, OutputStream out, JsonMapper json, LongConsumer onBegin) {
        return format == Format.CSV ? new Csv(out, onBegin) : new NdJson(out, json, onBegin);
    }

    final void begin(long toPosition) {
        this.toPosition = toPosition;
        onBegin.accept(toPosition);
        writeHeader();
    }

    final void write(AuditEvent event) {
        writeEvent(event);
        count++;
        lastPosition = event.position();
    }

    final void end(Long chainPosition, String chainHash) {
        writeEnd(new End(count, lastPosition, toPosition, chainPosition, chainHash));
    }

    abstract void writeHeader();

    abstract void writeEvent(AuditEvent event);

    abstract void writeEnd(End end);

    /** Newline-delimited JSON: each line one event as the history API shows it. */
    static final class NdJson extends AuditExport {

        private final OutputStream out;
        private final SequenceWriter lines;

        NdJson(OutputStream out, JsonMapper json, LongConsumer onBegin) {
            super(onBegin);
            this.out = out;
            this.lines = json.writer().withRootValueSeparator("\n").writeValues(out);
        }

        @Override
        void writeHeader() {
        }

        @Override
        void writeEvent(AuditEvent event) {
            lines.write(event);
        }

        @Override
        void writeEnd(End end) {
            lines.write(new EndLine(end));
            lines.flush();
            try {
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * RFC 4180 CSV with a header row; payload and metadata as their stored JSON text. A cell that a spreadsheet would
     * take for a formula (it starts with {@code = + - @}, a tab or a carriage return) is written with a {@code '}
     * before it, as OWASP advises: such text can come from outside (an agent's message) and must never run when an
     * auditor opens the file. The last row is {@code #end,<count>,<last position>,<to position>,<chain position>,<chain
     * hash>}.
     */
    static final class Csv extends AuditExport {

        private static final List<String> HEADER = List.of("position", "event_id", "aggregate_type", "aggregate_id",
                "sequence_number", "event_type", "payload_type", "payload_revision", "occurred_at", "actor", "reason",
                "source_ip", "correlation_id", "causation_id", "payload", "meta_data");

        private final Writer out;

        Csv(OutputStream out, LongConsumer onBegin) {
            super(onBegin);
            this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        @Override
        void writeHeader() {
            row(HEADER);
        }

        @Override
        void writeEvent(AuditEvent e) {
            row(List.of(String.valueOf(e.position()), e.eventId(), text(e.aggregateType()), text(e.aggregateId()),
                    text(e.sequenceNumber()), e.eventType(), text(e.payloadType()), text(e.payloadRevision()),
                    text(e.occurredAt()), text(e.actor()), text(e.reason()), text(e.sourceIp()),
                    text(e.correlationId()), text(e.causationId()), e.payload() == null ? "" : e.payload().text(),
                    e.metaData() == null ? "" : e.metaData().text()));
        }

        @Override
        void writeEnd(End end) {
            row(List.of("#end", String.valueOf(end.count()), text(end.lastPosition()),
                    String.valueOf(end.toPosition()), text(end.chainPosition()), text(end.chainHash())));
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void row(List<String> cells) {
            try {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(cell(cells.get(i)));
                }
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String cell(String value) {
            String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                    || safe.indexOf('\r') >= 0;
            return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }
    }
}
