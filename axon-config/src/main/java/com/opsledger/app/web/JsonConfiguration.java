package com.opsledger.app.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/** How request bodies are read. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /**
     * PostgreSQL text cannot hold a NUL character, so a string containing one could never be stored as given:
     * it is refused at the door as a 400 naming its field, instead of becoming an event no projection can apply.
     */
    @Bean
    JacksonModule rejectNulInStrings() {
        return new SimpleModule("reject-nul-in-strings").addDeserializer(String.class, new NulFreeStrings());
    }

    private static final class NulFreeStrings extends StdScalarDeserializer<String> {

        NulFreeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, value, "must not contain NUL characters");
            }
            return value;
        }
    }
}
