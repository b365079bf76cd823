package com.opsledger.app.web;

import com.opsledger.events.InvalidInput;
import com.opsledger.events.Instants;
import com.opsledger.events.WireName;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.module.SimpleSerializers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How request bodies are read: strictly, so that what is stored is exactly what was sent, or the request is a 400
 * naming the field. Beside the byte-level check of {@link RequestBodyFilter} (valid UTF-8 only):
 * <ul>
 *   <li>a duplicate key, an unknown field or anything after the JSON value is refused, not resolved silently;</li>
 *   <li>a string field takes a JSON string only (no number or boolean turned into text), without NUL characters
 *       (PostgreSQL text cannot hold them) or unpaired surrogates (they cannot be encoded as UTF-8);</li>
 *   <li>an instant field takes the text of {@link Instants} only (no epoch number);</li>
 *   <li>a whole-number field (amounts in minor units) takes a JSON integer only: no string, no {@code 10.0} or
 *       {@code 1e3}, nothing outside its range;</li>
 *   <li>a fractional field takes a JSON number only (no string), finite;</li>
 *   <li>a boolean field takes {@code true} or {@code false} only (no {@code "true"}, no {@code 1});</li>
 *   <li>a duration field takes an ISO-8601 duration string only ({@code PT5S}; no number of seconds), with nothing
 *       around it;</li>
 *   <li>an enum field takes its {@link WireName wire name} only ({@code in_progress}, not {@code IN_PROGRESS}), and
 *       is written as it;</li>
 *   <li>a free-form object ({@code context}, {@code details}) keeps every number's exact value and precision
 *       ({@code 1.50} stays {@code 1.50}; BigDecimal writes {@code 1e-300} as {@code 1E-300} and has no
 *       {@code -0.0}), and refuses keys and strings that break the rules above and numbers
 *       outside the finite, non-vanishing range of a double ({@code 1e400}, {@code 1e-400}), which a JSON client
 *       or {@code ::jsonb} cannot take back.</li>
 * </ul>
 * Axon builds its own mapper for events, so none of this applies to reading the event store.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .addModule(new SimpleModule("opsledger-strict-input")
                        .addDeserializer(String.class, new StrictStrings())
                        .addDeserializer(Instant.class, new StrictInstants())
                        .addDeserializer(Long.class, new StrictLongs())
                        .addDeserializer(long.class, new StrictLongs())
                        .addDeserializer(Integer.class, new StrictInts())
                        .addDeserializer(int.class, new StrictInts())
                        .addDeserializer(Boolean.class, new StrictBooleans())
                        .addDeserializer(boolean.class, new StrictBooleans())
                        .addDeserializer(Double.class, new StrictDoubles())
                        .addDeserializer(double.class, new StrictDoubles())
                        .addDeserializer(Duration.class, new StrictDurations())
                        .addDeserializer(JsonNode.class, new StorableTrees()))
                .addModule(new SimpleModule("opsledger-wire-names")
                        .setDeserializers(new SimpleDeserializers() {
                            @Override
                            public ValueDeserializer<?> findEnumDeserializer(JavaType type, DeserializationConfig config,
                                                                             BeanDescription.Supplier description) {
                                return new WireNames<>(type.getRawClass().asSubclass(Enum.class));
                            }
                        })
                        .setSerializers(new SimpleSerializers() {
                            @Override
                            public ValueSerializer<?> findEnumSerializer(SerializationConfig config, JavaType type,
                                                                         BeanDescription.Supplier description,
                                                                         JsonFormat.Value format) {
                                return new ValueSerializer<Enum<?>>() {
                                    @Override
                                    public void serialize(Enum<?> value, JsonGenerator generator,
                                                          SerializationContext context) {
                                        generator.writeString(WireName.of(value));
                                    }
                                };
                            }
                        }));
    }

    /** Reads an enum by its wire name, naming the accepted ones when the value is not one of them. */
    private static final class WireNames<E extends Enum<E>> extends ValueDeserializer<E> {
        private final Class<E> type;

        @SuppressWarnings({"unchecked", "rawtypes"})
        WireNames(Class<? extends Enum> type) {
            this.type = (Class<E>) type;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RejectedValue(parser, "must be a JSON string", "");
            }
            try {
                return WireName.parse("", type, parser.getString());
            } catch (InvalidInput e) {
                throw new RejectedValue(parser, e.getMessage(), "");
            }
        }
    }

    /**
     * A value refused by the rules above. {@code reason} is written for the caller; {@code innerPath} locates it
     * inside a free-form object, after the field's own path.
     */
    static final class RejectedValue extends MismatchedInputException {

        private final String reason;
        private final String innerPath;

        RejectedValue(JsonParser parser, String reason, String innerPath) {
            super(parser, reason);
            this.reason = reason;
            this.innerPath = innerPath;
        }

        String reason() {
            return reason;
        }

        String innerPath() {
            return innerPath;
        }
    }

    /** Why {@code text} cannot be stored as given, or null when it can. */
    static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain unpaired surrogates (\\ud800 to \\udfff not forming a pair)";
            }
        }
        return null;
    }

    private static final class StrictStrings extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RejectedValue(parser, "must be a JSON string", "");
            }
            String value = parser.getString();
            String problem = unstorable(value);
            if (problem != null) {
                throw new RejectedValue(parser, problem, "");
            }
            return value;
        }
    }

    private static final class StrictLongs extends ValueDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw new RejectedValue(parser, "must be a JSON integer", "");
            }
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new RejectedValue(parser, "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE,
                        "");
            }
            return parser.getLongValue();
        }
    }

    private static final class StrictInts extends ValueDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.getNumberType() != JsonParser.NumberType.INT) {
                throw new RejectedValue(parser, "must be a JSON integer from " + Integer.MIN_VALUE + " to "
                        + Integer.MAX_VALUE, "");
            }
            return parser.getIntValue();
        }
    }

    private static final class StrictBooleans extends ValueDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_TRUE) && !parser.hasToken(JsonToken.VALUE_FALSE)) {
                throw new RejectedValue(parser, "must be true or false", "");
            }
            return parser.getBooleanValue();
        }
    }

    private static final class StrictDoubles extends ValueDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw new RejectedValue(parser, "must be a JSON number", "");
            }
            double value = parser.getDoubleValue();
            if (Double.isInfinite(value) || Double.isNaN(value)) {
                throw new RejectedValue(parser, "must be a finite number", "");
            }
            return value;
        }
    }

    private static final class StrictDurations extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) {
            String rule = "must be an ISO-8601 duration as a JSON string, such as \"PT5S\"";
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RejectedValue(parser, rule, "");
            }
            try {
                return Duration.parse(parser.getString());
            } catch (DateTimeParseException e) {
                throw new RejectedValue(parser, rule, "");
            }
        }
    }

    private static final class StrictInstants extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RejectedValue(parser, "must be a JSON string: " + Instants.RULE, "");
            }
            try {
                return Instants.parse("", parser.getString());
            } catch (InvalidInput e) {
                throw new RejectedValue(parser, e.getMessage(), "");
            }
        }
    }

    private static final class StorableTrees extends ValueDeserializer<JsonNode> {

        @SuppressWarnings("unchecked")
        private static final ValueDeserializer<JsonNode> TREES =
                (ValueDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode tree = TREES.deserialize(parser, context);
            check(parser, tree, "");
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return null;
        }

        /** Jackson limits nesting to 500 levels, so the recursion is bounded. */
        private static void check(JsonParser parser, JsonNode node, String path) {
            if (node.isString()) {
                String problem = unstorable(node.asString());
                if (problem != null) {
                    throw new RejectedValue(parser, problem, path);
                }
            } else if (node.isFloatingPointNumber()) {
                BigDecimal number = node.decimalValue();
                double approximation = number.doubleValue();
                if (Double.isInfinite(approximation) || approximation == 0 && number.signum() != 0) {
                    throw new RejectedValue(parser, "is a number outside the range of a double "
                            + "(about 4.9e-324 to 1.8e308 in magnitude)", path);
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    String inner = path + "." + property.getKey();
                    String problem = unstorable(property.getKey());
                    if (problem != null) {
                        throw new RejectedValue(parser, "has a key that " + problem, path);
                    }
                    check(parser, property.getValue(), inner);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    check(parser, node.get(i), path + "[" + i + "]");
                }
            }
        }
    }
}
