package com.opsledger.app.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

/**
 * Query parameters typed as numbers or booleans take plain decimal digits and {@code true}/{@code false} only.
 * Spring's own conversion reads {@code 0x10} as 16 and {@code yes}, {@code on} and {@code 1} as true: a value
 * silently changed. These are property editors, not converters, because the binder falls back to its lenient
 * defaults when a converter refuses a value. A value refused here is a 400 naming the parameter.
 */
@ControllerAdvice
class StrictQueryParameters {

    @InitBinder
    void strictScalars(WebDataBinder binder) {
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

    private static long decimal(String text) {
        if (!text.matches("-?[0-9]{1,19}")) {
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

    /** An editor that reads a value with {@code parse}; an empty parameter stays absent. */
    private static final class Strict extends PropertyEditorSupport {
        private final Function<String, Object> parse;

        Strict(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            setValue(text == null || text.isEmpty() ? null : parse.apply(text));
        }
    }
}
