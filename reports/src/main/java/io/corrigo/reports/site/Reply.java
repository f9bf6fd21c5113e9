package io.corrigo.reports.site;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an API endpoint answers: the JSON document, and the same content as a flat table for
 * {@code ?format=csv}.
 *
 * @param json  the JSON answer
 * @param table the CSV form
 */
record Reply(JsonNode json, Table table) {
}
