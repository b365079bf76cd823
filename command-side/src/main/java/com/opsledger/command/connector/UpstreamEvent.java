package com.opsledger.command.connector;

import com.opsledger.command.ContentHash;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.connector.VerificationScheme;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The id and type an upstream gives an inbound webhook, by its connection's scheme: Standard Webhooks' {@code
 * webhook-id} and the body's {@code type}; GitHub's {@code X-GitHub-Delivery} and {@code X-GitHub-Event}; Stripe's
 * event {@code id} and {@code type} from the body. An unsigned connection's upstream may send a {@code webhook-id} or
 * {@code Idempotency-Key}; without either, the body's SHA-256 stands for its id, so a body sent twice is one event.
 */
record UpstreamEvent(String id, String type) {

    static final int MAX_ID = 200;
    static final int MAX_TYPE = 200;
    /** Visible ASCII: ids travel back to workers in headers and to operators in filters. */
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static UpstreamEvent of(VerificationScheme scheme, Function<String, String> header, String body) {
        JsonNode json = parse(body);
        return switch (scheme) {
            case STANDARD_WEBHOOKS -> new UpstreamEvent(id("webhook-id", header.apply("webhook-id"), body),
                    type(text(json, "type")));
            case GITHUB -> new UpstreamEvent(id("X-GitHub-Delivery", header.apply("X-GitHub-Delivery"), body),
                    type(header.apply("X-GitHub-Event")));
            case STRIPE -> new UpstreamEvent(id("id", text(json, "id"), body), type(text(json, "type")));
            case NONE -> {
                String given = header.apply("webhook-id") != null ? header.apply("webhook-id")
                        : header.apply("Idempotency-Key");
                String id = given == null ? "sha256:" + ContentHash.of(body) : id("webhook-id", given, body);
                yield new UpstreamEvent(id, type(text(json, "type")));
            }
        };
    }

    /** The upstream's id; a signed event without one stands for its body's hash (it is refused or unsigned anyway). */
    private static String id(String field, String value, String body) {
        if (value == null) {
            return "sha256:" + ContentHash.of(body);
        }
        if (value.length() > MAX_ID || !VISIBLE_ASCII.matcher(value).matches()) {
            throw new InvalidInput(field, "must be 1 to " + MAX_ID + " visible ASCII characters");
        }
        return value;
    }

    /** The type if it is a reasonable one; an odd type is not refused (it is only shown), but not kept either. */
    private static String type(String value) {
        return value != null && value.length() <= MAX_TYPE && VISIBLE_ASCII.matcher(value).matches() ? value : null;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
