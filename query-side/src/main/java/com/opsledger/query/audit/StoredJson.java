package com.opsledger.query.audit;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A payload or metadata column of the event store, written into answers as the very text stored, not parsed and
 * written again: an auditor sees the bytes the chain covers. Text that is not one JSON value on one line (only a
 * tampered store has such) is written as a JSON string instead, so that it cannot break the answer or a line of an
 * export.
 */
@JsonSerialize(using = StoredJson.Writer.class)
record StoredJson(String text) {

    private static final JsonFactory FACTORY = new JsonFactory();

    static StoredJson of(String text) {
        return text == null ? null : new StoredJson(text);
    }

    boolean isOneLineOfJson() {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return false;
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    static final class Writer extends ValueSerializer<StoredJson> {
        @Override
        public void serialize(StoredJson value, JsonGenerator generator, SerializationContext context) {
            if (value.isOneLineOfJson()) {
                generator.writeRawValue(value.text);
            } else {
                generator.writeString(value.text);
            }
        }
    }
}
