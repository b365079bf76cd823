package com.opsledger.app.web;

import com.opsledger.events.InvalidInput;
import com.opsledger.events.RuleViolation;
import com.opsledger.query.projection.ProjectionBehindException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error leaves as application/problem+json (RFC 9457): 400 naming the field, 404, 409 for a rejected rule or
 * a concurrent change, 413 for an oversized body, and a bare 500 for the unexpected. Never a stack trace.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return Problems.badInput(List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        return Problems.of(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "No such item: " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "The item was changed concurrently; reload it and try again");
    }

    /** A read-your-writes wait that ran out: the change is committed, the view will show it shortly. */
    @ExceptionHandler(ProjectionBehindException.class)
    ResponseEntity<ProblemDetail> projectionBehind(ProjectionBehindException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    /** With Axon Server, handler exceptions arrive wrapped; the rule's message travels as the details. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail remoteRejection(CommandExecutionException e) {
        if (e.getCause() instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error serving a request", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .collect(Collectors.toList());
        return ResponseEntity.badRequest().body(Problems.badInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .collect(Collectors.toList());
        return ResponseEntity.badRequest().body(Problems.badInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        // The size limit can break off reading anywhere, even inside a field: look for it first.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
            }
            if (cause instanceof RequestBodyFilter.NotUtf8Exception notUtf8) {
                return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, notUtf8.getMessage()));
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.processor() != null
                    && read.getOriginalMessage().startsWith("Duplicate")) {
                return ResponseEntity.badRequest().body(Problems.badInput(List.of(Map.of(
                        "field", fieldOf(read.processor().streamReadContext().pathAsPointer()), "message",
                        "appears more than once; each key may be given once"))));
            }
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                return ResponseEntity.badRequest().body(Problems.badInput(List.of(Map.of(
                        "field", fieldOf(json), "message", reasonOf(json)))));
            }
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON"));
    }

    /** The field at fault as a path ({@code context.tags[2]}), from the exception's path and its own inner path. */
    private static String fieldOf(JacksonException json) {
        String field = json.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return json instanceof JsonConfiguration.RejectedValue rejected ? field + rejected.innerPath() : field;
    }

    /** A JSON pointer ({@code /context/tags/2}) as a field path ({@code context.tags[2]}). */
    private static String fieldOf(JsonPointer pointer) {
        StringBuilder field = new StringBuilder();
        for (JsonPointer step = pointer; !step.matches(); step = step.tail()) {
            if (step.mayMatchElement()) {
                field.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(step.getMatchingProperty());
            }
        }
        return field.toString();
    }

    private static String reasonOf(JacksonException json) {
        if (json instanceof JsonConfiguration.RejectedValue rejected) {
            return rejected.reason();
        }
        if (json instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        return "has a value of the wrong type or form";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
                                                        HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(e.getPropertyName());
        return ResponseEntity.badRequest().body(Problems.badInput(List.of(Map.of("field", field,
                "message", "cannot be read as " + (e.getRequiredType() == null ? "the expected type"
                        : e.getRequiredType().getSimpleName().toLowerCase())))));
    }
}
