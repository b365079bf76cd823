package com.opsledger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Refuses a query string that is not valid percent-encoded UTF-8 ({@code q=%zz}, {@code q=%}, {@code q=%e9},
 * {@code %c0%ae}) with a 400 naming the parameter, before the servlet container decodes it: Tomcat would throw on the
 * first {@code getParameter} call, wherever that happens, and the answer was a 500. A value with a NUL character
 * ({@code %00}) is refused too: no PostgreSQL text can hold one, so as a bound filter it was a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryStringFilter extends OncePerRequestFilter {

    /** How much of an undecodable parameter name the answer repeats. */
    private static final int MAX_NAME_SHOWN = 100;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String decodedName = decode(name);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (decodedName == null || value == null) {
                    String field = decodedName != null ? decodedName
                            : name.substring(0, Math.min(name.length(), MAX_NAME_SHOWN));
                    Problems.write(request, response, Problems.badInput(List.of(Map.of("field", field,
                            "message", "is not valid percent-encoded UTF-8"))));
                    return;
                }
                if (decodedName.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                    String field = decodedName.replace('\0', '?');
                    Problems.write(request, response, Problems.badInput(List.of(Map.of("field",
                            field.substring(0, Math.min(field.length(), MAX_NAME_SHOWN)),
                            "message", "must not contain a NUL character"))));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** {@code text} with its %XX escapes and + decoded, or null when it is not valid percent-encoded UTF-8. */
    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null; // a raw non-ASCII character: not percent-encoded
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
