package com.stategraph.billing.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API document at /api/openapi.json: bearer keys, and the error answers every operation can give. */
@Configuration
public class OpenApiConfig {
    private static final String BEARER = "bearer";

    @Bean
    OpenAPI stategraphOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Stategraph Cloud Billing API").version("v1")
                        .description("Connect FOCUS billing exports and see actual spend per tenant."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer errorResponses() {
        return openApi -> {
            ModelConverters.getInstance().readAll(ErrorBody.class).forEach(openApi.getComponents()::addSchemas);
            ModelConverters.getInstance().readAll(ForbiddenBody.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                op.getResponses().addApiResponse("400", response("The request is invalid; data says what is wrong", "Error"));
                op.getResponses().addApiResponse("401", response("No API key, or an unknown or revoked one", "Error"));
                if (path.startsWith("/api/v1/tenants") || path.startsWith("/api/v1/states")) {
                    op.getResponses().addApiResponse("403", response("The caller lacks the role this needs", "Forbidden"));
                }
                if (path.contains("{id}") || path.contains("{tenant_id}")) {
                    op.getResponses().addApiResponse("404", response("No such tenant or object", "Error"));
                }
                if (op.getResponses().containsKey("201") && !op.getResponses().containsKey("409")) {
                    op.getResponses().addApiResponse("409", response("It already exists", "Error"));
                }
            }));
        };
    }

    private static ApiResponse response(String description, String schema) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
    }
}
