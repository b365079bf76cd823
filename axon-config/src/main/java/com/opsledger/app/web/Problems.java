package com.opsledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, built alike for MVC handlers and for the filters that answer before MVC runs. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** A 400 naming each field at fault, as {@code errors: [{field, message}]}. */
    static ProblemDetail badInput(List<Map<String, String>> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid input: " + String.join("; ",
                errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Writes a problem straight to the response, for the filters and handlers that answer before Spring MVC. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             String detail) throws IOException {
        write(request, response, of(status, detail));
    }

    /** A problem for a bare status that something other than our code chose (the container, an actuator endpoint). */
    static void writeStatus(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                    "The request was refused");
            problem.setTitle("Error " + status);
            write(request, response, problem);
        } else {
            write(request, response, of(known, known.getReasonPhrase()));
        }
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
