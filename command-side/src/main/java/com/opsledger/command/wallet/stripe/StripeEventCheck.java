package com.opsledger.command.wallet.stripe;

import com.opsledger.command.StrangerText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a signed Stripe event the way OpsLedger's own ingest checks its input, before the SDK reads it: a leaked
 * webhook secret or a bug upstream must not corrupt the books. The SDK reads leniently (a string {@code "700"} as 700,
 * {@code 1e400} or 2^64 as 0, a missing amount as null), so every field OpsLedger uses is checked here on the JSON
 * itself: ids present and of Stripe's shape, amounts integers in range, currencies of three letters, times in range,
 * and no text PostgreSQL cannot store (NUL) anywhere in the event.
 */
final class StripeEventCheck {

    /** Larger than any amount in minor units a card can carry; an integer beyond it is impossible. */
    static final long MAX_AMOUNT = 1_000_000_000_000L;
    /** Before Stripe (its own example objects are of 2009); an earlier time is impossible. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final int MAX_TEXT = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * What one field must be; {@code required} fields must be present and not null. An id's {@code prefix} is
     * followed by letters, digits and underscores: evt_1NG8Du2e…, and evt_test_65RM… of test mode.
     */
    private record Rule(String pointer, Kind kind, String prefix, Pattern id, boolean required) {
    }

    private enum Kind {
        ID, AMOUNT, SIGNED_AMOUNT, CURRENCY, LAST4, WORD, TEXT, TIME, OBJECT, BOOLEAN, TEXT_MAP, TEXT_LIST
    }

    private static Rule id(String pointer, String prefix, boolean required) {
        return new Rule(pointer, Kind.ID, prefix, Pattern.compile(prefix + "_[A-Za-z0-9_]{1,250}"), required);
    }

    private static Rule field(String pointer, Kind kind, boolean required) {
        return new Rule(pointer, kind, null, null, required);
    }

    private static final List<Rule> ENVELOPE = List.of(id("/id", "evt", true), field("/type", Kind.WORD, true),
            field("/created", Kind.TIME, true), field("/data", Kind.OBJECT, true),
            field("/data/object", Kind.OBJECT, true));

    private static final List<Rule> AUTHORIZATION = List.of(id("/id", "iauth", true),
            field("/card", Kind.OBJECT, true), id("/card/id", "ic", true),
            field("/card/metadata", Kind.TEXT_MAP, false),
            field("/status", Kind.WORD, true), field("/approved", Kind.BOOLEAN, false),
            field("/amount", Kind.AMOUNT, false), field("/currency", Kind.CURRENCY, false),
            field("/merchant_data", Kind.OBJECT, false), field("/merchant_data/name", Kind.TEXT, false),
            field("/merchant_data/category", Kind.WORD, false));

    private static final List<Rule> AUTHORIZATION_REQUEST = List.of(field("/pending_request", Kind.OBJECT, true),
            field("/pending_request/amount", Kind.AMOUNT, true),
            field("/pending_request/currency", Kind.CURRENCY, true));

    private static final Map<String, List<Rule>> OBJECTS = Map.of(
            "issuing.authorization", AUTHORIZATION,
            "issuing.transaction", List.of(id("/id", "ipi", true), id("/card", "ic", true),
                    id("/authorization", "iauth", false), field("/type", Kind.WORD, true),
                    field("/amount", Kind.SIGNED_AMOUNT, true), field("/currency", Kind.CURRENCY, true),
                    field("/created", Kind.TIME, true), field("/merchant_data", Kind.OBJECT, false),
                    field("/merchant_data/name", Kind.TEXT, false), field("/merchant_data/category", Kind.WORD, false)),
            "issuing.dispute", List.of(id("/id", "idp", true), id("/transaction", "ipi", true),
                    field("/status", Kind.WORD, true), field("/amount", Kind.AMOUNT, true),
                    field("/currency", Kind.CURRENCY, true), field("/evidence", Kind.OBJECT, false),
                    field("/evidence/reason", Kind.WORD, false)),
            "issuing.card", List.of(id("/id", "ic", true), field("/metadata", Kind.TEXT_MAP, false),
                    field("/last4", Kind.LAST4, false), field("/currency", Kind.CURRENCY, true),
                    field("/status", Kind.WORD, true), field("/cancellation_reason", Kind.WORD, false)),
            "issuing.cardholder", List.of(id("/id", "ich", true), field("/metadata", Kind.TEXT_MAP, false),
                    field("/name", Kind.TEXT, false), field("/type", Kind.WORD, false),
                    field("/status", Kind.WORD, false), field("/requirements", Kind.OBJECT, false),
                    field("/requirements/past_due", Kind.TEXT_LIST, false),
                    field("/requirements/disabled_reason", Kind.WORD, false)));

    private static final Pattern WORD = Pattern.compile("[a-z0-9_.]{1,100}");
    /** The event types whose objects are checked (and used): those of the Issuing objects. */
    private static final Pattern FOLLOWED = Pattern.compile(
            "issuing_(authorization|transaction|dispute|card|cardholder)\\.[a-z_.]+");
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    /** One field at fault, as the problem's {@code errors} name it. */
    record Fault(String field, String message) {
        @Override
        public String toString() {
            return field + " " + message;
        }
    }

    private StripeEventCheck() {
    }

    /** A signed event as read for the check: its JSON (null when it is none) and what is wrong with it. */
    record Checked(JsonNode event, List<Fault> faults) {

        boolean passed() {
            return faults.isEmpty();
        }

        /** The event's type, if it has one of the form of Stripe's types. */
        Optional<String> type() {
            return text("/type").filter(type -> WORD.matcher(type).matches());
        }

        /** The authorization id the event claimed, printable and abbreviated; null when it claimed none. */
        String claimedAuthorization() {
            return text("/data/object/id").map(id -> StrangerText.printable(id, 80)).orElse(null);
        }

        /** The wallet the authorization's card names in its metadata, printable and abbreviated. */
        Optional<String> namedWallet() {
            return text("/data/object/card/metadata/" + StripeWebhookController.WALLET_METADATA)
                    .map(id -> StrangerText.printable(id, 80));
        }

        private Optional<String> text(String pointer) {
            JsonNode value = event == null ? null : event.at(pointer);
            return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
        }
    }

    /**
     * Reads and checks {@code payload}: the envelope of every event, and the object of each type OpsLedger follows
     * with the fields it uses. No reported time may lie after {@code latest}.
     */
    static Checked check(String payload, Instant latest) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JacksonException e) {
            return new Checked(null, List.of(new Fault("body", "is not JSON")));
        }
        if (event == null || !event.isObject()) {
            return new Checked(null, List.of(new Fault("body", "is not a JSON object")));
        }
        List<Fault> faults = new ArrayList<>();
        storableText(event, "", faults);
        check(event, "", ENVELOPE, latest, faults);
        String type = event.path("type").asString("");
        if (!faults.isEmpty() || !FOLLOWED.matcher(type).matches()) {
            return new Checked(event, faults);
        }
        String objectType = "issuing." + type.substring("issuing_".length(), type.indexOf('.'));
        JsonNode object = event.at("/data/object");
        if (!objectType.equals(object.path("object").asString(""))) {
            faults.add(new Fault("data.object.object", "must be " + objectType + " for " + type));
            return new Checked(event, faults);
        }
        check(object, "data.object", OBJECTS.get(objectType), latest, faults);
        if (type.equals("issuing_authorization.request")) {
            check(object, "data.object", AUTHORIZATION_REQUEST, latest, faults);
        }
        return new Checked(event, faults);
    }

    private static void check(JsonNode root, String prefix, List<Rule> rules, Instant latest, List<Fault> faults) {
        for (Rule rule : rules) {
            JsonNode value = root.at(rule.pointer());
            String field = (prefix.isEmpty() ? "" : prefix + ".") + rule.pointer().substring(1).replace('/', '.');
            if (value.isMissingNode() || value.isNull()) {
                if (rule.required()) {
                    faults.add(new Fault(field, "is missing"));
                }
                continue;
            }
            String problem = problem(rule, value, latest);
            if (problem != null) {
                faults.add(new Fault(field, problem));
            }
        }
    }

    private static String problem(Rule rule, JsonNode value, Instant latest) {
        return switch (rule.kind()) {
            case ID -> value.isString() && rule.id().matcher(value.asString()).matches() ? null
                    : "must be a Stripe id of the form " + rule.prefix() + "_…";
            case AMOUNT -> integerIn(value, 0, MAX_AMOUNT) ? null
                    : "must be an integer number of minor units from 0 to " + MAX_AMOUNT;
            case SIGNED_AMOUNT -> integerIn(value, -MAX_AMOUNT, MAX_AMOUNT) ? null
                    : "must be an integer number of minor units from -" + MAX_AMOUNT + " to " + MAX_AMOUNT;
            case CURRENCY -> value.isString() && CURRENCY.matcher(value.asString()).matches() ? null
                    : "must be a three-letter ISO currency code in lower case";
            case WORD -> value.isString() && WORD.matcher(value.asString()).matches() ? null
                    : "must be one of Stripe's lower-case values";
            case LAST4 -> value.isString() && LAST4.matcher(value.asString()).matches() ? null
                    : "must be four digits";
            case TEXT -> value.isString() && value.asString().length() <= MAX_TEXT ? null
                    : "must be text of at most " + MAX_TEXT + " characters";
            case TIME -> integerIn(value, EARLIEST.getEpochSecond(), latest.getEpochSecond()) ? null
                    : "must be a time in Unix seconds from " + EARLIEST + " to now";
            case OBJECT -> value.isObject() ? null : "must be an object";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case TEXT_MAP -> value.isObject() && value.properties().stream().allMatch(e -> e.getValue().isString())
                    ? null : "must be an object of text values";
            case TEXT_LIST -> value.isArray() && value.valueStream().allMatch(JsonNode::isString) ? null
                    : "must be a list of text";
        };
    }

    /** An integer (not a string, not a fraction, not an exponent) that fits a long and lies in the range. */
    private static boolean integerIn(JsonNode value, long min, long max) {
        return value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= min
                && value.asLong() <= max;
    }

    /** Every text of the event, keys included, must be storable: PostgreSQL's text and jsonb refuse NUL. */
    private static void storableText(JsonNode node, String path, List<Fault> faults) {
        if (node.isString() && node.asString().indexOf('\0') >= 0) {
            faults.add(new Fault(path, "contains a NUL character"));
        } else if (node.isObject()) {
            node.properties().forEach(e -> {
                String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().indexOf('\0') >= 0) {
                    faults.add(new Fault(path, "has a key with a NUL character"));
                } else {
                    storableText(e.getValue(), field, faults);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                storableText(node.get(i), path + "[" + i + "]", faults);
            }
        }
    }
}
