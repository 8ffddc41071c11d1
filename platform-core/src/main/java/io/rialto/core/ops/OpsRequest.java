package io.rialto.core.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One authenticated request, its body read in full.
 *
 * @param segments the decoded path segments ({@code /api/books/ABC} is {@code [api, books, ABC]})
 * @param caller   who is calling, for the audit log (the remote address)
 */
record OpsRequest(String method, List<String> segments, Map<String, String> query, Map<String, String> headers,
                  byte[] body, String caller) {

    /** The body as a JSON object; 400 when it is empty, malformed or not an object. */
    JsonNode json(ObjectMapper mapper) {
        if (body.length == 0) {
            throw OpsException.badRequest("a JSON object body is required");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw OpsException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw OpsException.badRequest("malformed JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw OpsException.badRequest("the body must be a JSON object");
        }
        return node;
    }

    /** The body as a JSON object, or an empty object when there is no body. */
    JsonNode jsonOrEmpty(ObjectMapper mapper) {
        return body.length == 0 ? mapper.createObjectNode() : json(mapper);
    }

    /** A required, non-blank text field of a JSON body; 400 when missing. */
    static String requiredText(JsonNode body, String field) {
        String value = optionalText(body, field);
        if (value == null) {
            throw OpsException.badRequest("'" + field + "' is required");
        }
        return value;
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw OpsException.badRequest("'" + field + "' must be a string");
        }
        String value = node.asText();
        return value.isBlank() ? null : value;
    }

    String path() {
        return "/" + String.join("/", segments);
    }
}
