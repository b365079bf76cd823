package com.opsledger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks request bodies at the byte level before anything reads them:
 * <ul>
 *   <li>over {@code opsledger.http.max-body-size} is a 413: at once when the Content-Length says so, and while
 *       reading when a chunked body grows past it;</li>
 *   <li>JSON is UTF-8 (RFC 8259), so a body declared in another charset is a 415, and one that is not valid UTF-8
 *       (overlong forms such as {@code C0 AF} for "/", encoded surrogates, truncated sequences, bytes that never
 *       occur in UTF-8) is a 400: Jackson's own decoder would read {@code C0 AF} as "/"; so is one that starts
 *       with a byte order mark, which Jackson would skip.</li>
 * </ul>
 * Runs before security, so that no oversized body is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestBodyFilter(@Value("${opsledger.http.max-body-size}") DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        String charset = request.getCharacterEncoding();
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
            Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Request bodies are JSON in UTF-8; charset " + charset + " is not accepted");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream checked;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (checked == null) {
                    checked = new CheckedInputStream(super.getInputStream());
                }
                return checked;
            }
        }, response);
    }

    private String tooLarge() {
        return "Request body is larger than the limit of " + maxBytes + " bytes";
    }

    /** Thrown while reading a body that passed its limit; the error handler answers 413. */
    static class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }

    /** Thrown while reading a body that is not valid UTF-8 or starts with a BOM; the error handler answers 400. */
    static class NotUtf8Exception extends IOException {
        NotUtf8Exception(long offset) {
            super("The request body is not valid UTF-8 (at byte " + offset + ")");
        }

        NotUtf8Exception(String message) {
            super(message);
        }
    }

    /** Counts the bytes read against the limit and decodes them as strict UTF-8 as they pass. */
    private final class CheckedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer decoded = CharBuffer.allocate(4096);
        /** The start of a sequence that the end of the last read cut off (at most three bytes). */
        private byte[] carry = new byte[0];
        private long read;
        private boolean firstCharacterSeen;

        CheckedInputStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                check(buffer, offset, 0, true);
                return n;
            }
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(tooLarge());
            }
            check(buffer, offset, n, false);
            return n;
        }

        private void check(byte[] buffer, int offset, int length, boolean end) throws NotUtf8Exception {
            long startOffset = read - length - carry.length;
            ByteBuffer input = carry.length == 0 ? ByteBuffer.wrap(buffer, offset, length).slice()
                    : ByteBuffer.allocate(carry.length + length).put(carry).put(buffer, offset, length).flip();
            CoderResult result;
            do {
                decoded.clear();
                result = utf8.decode(input, decoded, end);
                if (result.isError()) {
                    throw new NotUtf8Exception(startOffset + input.position());
                }
                if (!firstCharacterSeen && decoded.position() > 0) {
                    firstCharacterSeen = true;
                    if (decoded.get(0) == '\uFEFF') {
                        // RFC 8259 forbids it in JSON sent over a network; Jackson would skip it silently.
                        throw new NotUtf8Exception("The request body starts with a byte order mark (EF BB BF);"
                                + " send the JSON without it");
                    }
                }
            } while (result.isOverflow());
            carry = new byte[input.remaining()];
            input.get(carry);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
