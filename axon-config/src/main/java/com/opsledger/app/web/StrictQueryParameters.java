package com.opsledger.app.web;

import com.opsledger.events.Instants;
import com.opsledger.events.WireName;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Query parameters take their values only as written: numbers as plain decimal digits, booleans as {@code true} or
 * {@code false}, times as {@link Instants} text, enums by their {@link WireName wire names}. Spring's own conversion
 * reads {@code 0x10} as 16, {@code yes}, {@code on} and {@code 1} as true, and enums by their Java names. These are
 * property editors, not converters, because the binder falls back to its lenient defaults when a converter refuses a
 * value. A value refused here is a 400 naming the parameter.
 */
@ControllerAdvice
class StrictQueryParameters {

    /** Compiled once: every read's limit and minPosition pass through it. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    private final ObjectProvider<RequestMappingHandlerMapping> handlers;
    /** The enum types of the handlers' parameters, found on first use. */
    private volatile Set<Class<? extends Enum<?>>> enumParameters;

    StrictQueryParameters(@Qualifier("requestMappingHandlerMapping")
                          ObjectProvider<RequestMappingHandlerMapping> handlers) {
        this.handlers = handlers;
    }

    @InitBinder
    void strictScalars(WebDataBinder binder) {
        String name = binder.getObjectName();
        binder.registerCustomEditor(Instant.class, new Strict(text -> Instants.parse(name, text)));
        for (Class<? extends Enum<?>> type : enumParameters()) {
            binder.registerCustomEditor(type, new Strict(text -> wireName(name, type, text)));
        }
        binder.registerCustomEditor(Integer.class, new Strict(text -> {
            long value = decimal(text);
            if (value != (int) value) {
                throw new IllegalArgumentException("out of range");
            }
            return (int) value;
        }));
        binder.registerCustomEditor(Long.class, new Strict(StrictQueryParameters::decimal));
        binder.registerCustomEditor(Boolean.class, new Strict(StrictQueryParameters::bool));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object wireName(String name, Class<? extends Enum<?>> type, String text) {
        return WireName.parse(name, (Class) type, text);
    }

    @SuppressWarnings("unchecked")
    private Set<Class<? extends Enum<?>>> enumParameters() {
        if (enumParameters == null) {
            enumParameters = handlers.getObject().getHandlerMethods().values().stream()
                    .flatMap(method -> Arrays.stream(method.getMethodParameters()))
                    .map(MethodParameter::getParameterType)
                    .filter(Class::isEnum)
                    .map(type -> (Class<? extends Enum<?>>) type)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return enumParameters;
    }

    private static long decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal integer");
        }
        return Long.parseLong(text);
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    /** An editor that reads a value with {@code parse}; an empty one is refused: leave the parameter out instead. */
    private static final class Strict extends PropertyEditorSupport {
        private final Function<String, Object> parse;

        Strict(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("is empty");
            }
            setValue(parse.apply(text));
        }
    }
}
