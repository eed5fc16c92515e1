package news.storyline.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Problem details (RFC 9457) in an OpenAPI document: their schema, and the responses that carry them. For a service's
 * {@code OpenApiCustomizer}: the problems come from controller advice, whose status springdoc cannot read off a
 * {@code ResponseEntity}, so the service says which kinds each operation may meet. Needs springdoc (optional here).
 */
public final class ProblemResponses {

    public static final String SCHEMA = "Problem";
    public static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ProblemResponses() {
    }

    private static void addProblemSchema(OpenAPI openApi) {
        Schema<?> problem = new ObjectSchema()
                .description("A problem detail (RFC 9457); some kinds add members, such as field.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("The kind of problem; stable, for clients to switch on"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"));
        problem.setAdditionalProperties(true);
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        openApi.components(components.addSchemas(SCHEMA, problem));
    }

    /**
     * Adds the problem schema and, to each operation, a problem response for each status among the kinds
     * {@code problems} names. (The schema is added here, not in the {@code OpenAPI} bean: springdoc drops schemas
     * there that no operation refers to.)
     */
    public static void addTo(OpenAPI openApi, Refusals problems) {
        if (openApi.getPaths() == null) {
            return;
        }
        addProblemSchema(openApi);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Map<Integer, List<ProblemType>> byStatus = problems.of(path, method, operation).stream()
                    .collect(Collectors.groupingBy(type -> type.status().value(), LinkedHashMap::new,
                                                   Collectors.toList()));
            ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
            byStatus.forEach((status, types) -> responses.putIfAbsent(String.valueOf(status), response(types)));
            ApiResponses sorted = new ApiResponses();
            new TreeMap<>(responses).forEach(sorted::addApiResponse);
            operation.setResponses(sorted);
        }));
    }

    /** Whether {@code operation} takes a parameter {@code in} (path, header, query) named {@code name} (any, if null). */
    public static boolean hasParameter(Operation operation, String in, String name) {
        return hasParameter(operation, in, name, false);
    }

    /** As {@link #hasParameter(Operation, String, String)}, and when {@code required}, only a required one. */
    public static boolean hasParameter(Operation operation, String in, String name, boolean required) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(
                parameter -> in.equals(parameter.getIn())
                             && (name == null || name.equalsIgnoreCase(parameter.getName()))
                             && (!required || Boolean.TRUE.equals(parameter.getRequired())));
    }

    /** The kinds of problem an operation may answer with. */
    @FunctionalInterface
    public interface Refusals {
        Collection<ProblemType> of(String path, PathItem.HttpMethod method, Operation operation);
    }

    private static ApiResponse response(List<ProblemType> types) {
        String description = types.stream()
                .map(type -> type.title() + " (" + type.uri() + ")")
                .collect(Collectors.joining("; "));
        return new ApiResponse().description(description).content(new Content().addMediaType(
                MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }
}
