/* Prints any protobuf-c message as its proto3 JSON mapping (the encoding of the REST bridge and of
 * `aectl --output json`), driven only by the message descriptors that protobuf-c generates. */
#ifndef AECTL_C_PROTO_JSON_H
#define AECTL_C_PROTO_JSON_H

#include <stdio.h>
#include <protobuf-c/protobuf-c.h>

/* Writes `message` to `out` as one compact JSON object (no newline). Follows the proto3 JSON
 * rules: lowerCamelCase names, fields at their default value omitted (proto3 `optional` fields
 * and messages when present), enums by name, 64-bit integers as strings, bytes as base64,
 * google.protobuf.Timestamp as RFC 3339 with 0, 3, 6 or 9 fractional digits, maps as objects. */
void proto_json_print(FILE *out, const ProtobufCMessage *message);

#endif
