package com.stategraph.billing.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** Every error the API answers: a stable code and what is wrong. */
@Schema(name = "Error")
public record ErrorBody(String id, String data) {
}
