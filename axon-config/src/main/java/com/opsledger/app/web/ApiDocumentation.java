package com.opsledger.app.web;

import com.fasterxml.jackson.databind.JavaType;
import com.opsledger.app.security.AccessRules;
import com.opsledger.command.CallsOut;
import com.opsledger.events.Instants;
import com.opsledger.events.WireName;
import com.opsledger.events.feedback.command.SubmitFeedback;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * The OpenAPI document ({@code /v3/api-docs}) as a client generator needs it, from the code's own types:
 * <ul>
 *   <li>enums as their wire names, times with their accepted range, {@code context}/{@code details} as free-form
 *       objects (not Jackson's tree classes);</li>
 *   <li>the two credentials as security schemes, each operation with the one it takes and the roles it allows, read
 *       from the security configuration's own rules (webhooks take none: their signature is checked);</li>
 *   <li>every operation's error answers as problem+json, by what the operation can meet (bad input, a missing item,
 *       a rejected rule, a body too large, a read-your-writes wait running out), and ingest's 201 beside its 200.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String OPERATOR_TOKEN = "operatorToken";
    static final String SERVICE_KEY = "serviceKey";
    private static final String PROBLEM = "Problem";
    private static final String INGEST = "/api/v1/ingest/";
    private static final String WEBHOOKS = "/webhooks/";

    /** Schemas of the types whose JSON form is ours, not the one their Java shape suggests. */
    @Bean
    ModelConverter wireTypes() {
        return (type, context, chain) -> {
            JavaType javaType = Json.mapper().constructType(type.getType());
            Class<?> raw = javaType.getRawClass();
            if (raw.isEnum() && raw.getPackageName().startsWith("com.opsledger")) {
                StringSchema schema = new StringSchema();
                for (Object constant : raw.getEnumConstants()) {
                    schema.addEnumItem(WireName.of((Enum<?>) constant));
                }
                return schema;
            }
            if (raw == Instant.class) {
                return new DateTimeSchema().description(Instants.RULE);
            }
            if (JsonNode.class.isAssignableFrom(raw)) {
                return new ObjectSchema().additionalProperties(true).description("A JSON object of the caller's own "
                        + "shape, stored as sent; strings without NUL or unpaired surrogates, numbers within the "
                        + "range of a double");
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        };
    }

    @Bean
    OpenApiCustomizer securityAndProblems() {
        return openApi -> {
            openApi.info(new Info().title("OpsLedger").version("v1").description("The admin-operations backend of "
                    + "the AI-agent platform: ingest for the platform, admin APIs for operators, auditors and admins. "
                    + "Every error is application/problem+json (RFC 9457).")
                    .license(new License().name("Proprietary").identifier("LicenseRef-OpsLedger-Proprietary")));
            // Relative: the document is served by the service it describes, behind whatever host fronts it.
            openApi.setServers(List.of(new Server().url("/").description("This service")));
            Components components = openApi.getComponents();
            components.addSecuritySchemes(OPERATOR_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An operator token with roles operator, auditor or admin in its roles claim"));
            components.addSecuritySchemes(SERVICE_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("X-Service-Key").description("The platform's ingest credential"));
            components.addSchemas(PROBLEM, problemSchema());
            Schema<?> message = components.getSchemas().get("FeedbackSubmissionRequest") == null ? null
                    : (Schema<?>) components.getSchemas().get("FeedbackSubmissionRequest").getProperties().get("message");
            if (message != null) {
                message.minLength(1).maxLength(SubmitFeedback.MAX_MESSAGE_CHARACTERS).description("1 to "
                        + SubmitFeedback.MAX_MESSAGE_CHARACTERS + " characters, counted in Unicode code points (an "
                        + "emoji is one, so up to 40,000 bytes of UTF-8), not only white space");
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    document(path, method, operation)));
        };
    }

    /** What a handler's code says of its answers: an outside call's 502. */
    @Bean
    OperationCustomizer outsideCalls() {
        return (operation, handler) -> {
            CallsOut callsOut = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), CallsOut.class);
            if (callsOut == null) {
                callsOut = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), CallsOut.class);
            }
            if (callsOut != null) {
                problem(operation.getResponses(), "502", callsOut.value() + " could not be reached or failed; nothing"
                        + " was recorded, and the same request may be sent again");
            }
            return operation;
        };
    }

    /**
     * Each operation's credential and roles from the security configuration itself ({@link AccessRules}), and the
     * error answers it can meet.
     */
    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean webhook = path.startsWith(WEBHOOKS);
        boolean ingest = path.startsWith(INGEST);
        ApiResponses responses = operation.getResponses();
        if (webhook) {
            operation.setSecurity(List.of()); // no token: the sender's signature is verified before anything is read
            operation.addExtension("x-authentication", "the sender's signature");
        } else if (ingest) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(SERVICE_KEY)));
        } else {
            List<String> roles = AccessRules.rolesFor(method.name(), path);
            if (roles != null && roles.isEmpty()) {
                operation.setSecurity(List.of()); // open to anyone
            } else {
                operation.setSecurity(List.of(new SecurityRequirement().addList(OPERATOR_TOKEN)));
                operation.addExtension("x-roles", roles == null ? List.of() : roles);
                problem(responses, "403", roles == null ? "No role may call this"
                        : "The caller's role does not allow this; allowed: " + String.join(", ", roles));
            }
        }
        if (ingest && responses.get("200") != null) {
            ApiResponse repeat = responses.get("200");
            responses.addApiResponse("201", new ApiResponse().description("Recorded").content(repeat.getContent()));
            repeat.description("Already recorded: the same id with the same content again; nothing recorded");
        }
        boolean post = method == PathItem.HttpMethod.POST;
        boolean hasInput = post || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasInput) {
            problem(responses, "400", "Bad input; errors names each field at fault");
        }
        problem(responses, "401", webhook ? "The signature does not verify with the connection's secret"
                : "No credential, or one that is invalid or expired");
        if (path.contains("{")) {
            problem(responses, "404", "No such item");
        }
        if (webhook && path.contains("{")) {
            problem(responses, "429", "Too many refused webhooks from this address; retry after Retry-After");
        }
        if (operation.getRequestBody() != null) {
            if (!webhook) {
                problem(responses, "409", ingest ? "The id was already used for other content"
                        : "The rule does not allow it (the detail says why), or a concurrent change");
            }
            problem(responses, "413", "The body is larger than the limit");
            problem(responses, "415", "The body is not JSON in UTF-8");
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "minPosition".equals(p.getName()))) {
            problem(responses, "503", "The read model has not reached minPosition in time; retry after Retry-After");
        }
        problem(responses, "500", "Unexpected; it has been logged");
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().description("With 400: each field at fault")
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema().description("e.g. message, context.tags[2]"))
                                .addProperty("message", new StringSchema())));
    }
}
