/* Proto3 JSON printing of protobuf-c messages. protobuf-c itself has no JSON support, and the
 * libraries that add it are not packaged by Debian, so this walks the generated descriptors. */
#include "proto_json.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void print_message(FILE *out, const ProtobufCMessage *message);

/* A field's JSON name: lowerCamelCase of its proto name ("change_24h_pct" → "change24hPct"). */
static void print_json_name(FILE *out, const char *name) {
  fputc('"', out);
  bool upper = false;
  for (const char *c = name; *c; c++) {
    if (*c == '_') {
      upper = true;
      continue;
    }
    fputc(upper && *c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c, out);
    upper = false;
  }
  fputc('"', out);
}

static void print_string(FILE *out, const char *text) {
  fputc('"', out);
  for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
    switch (*c) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    default:
      if (*c < 0x20) fprintf(out, "\\u%04x", *c);
      else fputc(*c, out);
    }
  }
  fputc('"', out);
}

static void print_bytes(FILE *out, const ProtobufCBinaryData *data) {
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  fputc('"', out);
  for (size_t i = 0; i < data->len; i += 3) {
    uint32_t chunk = (uint32_t)data->data[i] << 16;
    if (i + 1 < data->len) chunk |= (uint32_t)data->data[i + 1] << 8;
    if (i + 2 < data->len) chunk |= data->data[i + 2];
    fputc(alphabet[(chunk >> 18) & 63], out);
    fputc(alphabet[(chunk >> 12) & 63], out);
    fputc(i + 1 < data->len ? alphabet[(chunk >> 6) & 63] : '=', out);
    fputc(i + 2 < data->len ? alphabet[chunk & 63] : '=', out);
  }
  fputc('"', out);
}

/* The shortest decimal that reads back as the same double (what JSON encoders print). */
static void print_double(FILE *out, double value) {
  if (isnan(value)) { fputs("\"NaN\"", out); return; }
  if (isinf(value)) { fputs(value > 0 ? "\"Infinity\"" : "\"-Infinity\"", out); return; }
  char text[40];
  for (int precision = 1; precision <= 17; precision++) {
    snprintf(text, sizeof text, "%.*g", precision, value);
    if (strtod(text, NULL) == value) break;
  }
  fputs(text, out);
}

static void print_timestamp(FILE *out, const ProtobufCMessage *message) {
  const ProtobufCMessageDescriptor *descriptor = message->descriptor;
  int64_t seconds = 0;
  int32_t nanos = 0;
  for (unsigned i = 0; i < descriptor->n_fields; i++) {
    const ProtobufCFieldDescriptor *field = &descriptor->fields[i];
    const char *base = (const char *)message + field->offset;
    if (strcmp(field->name, "seconds") == 0) memcpy(&seconds, base, sizeof seconds);
    if (strcmp(field->name, "nanos") == 0) memcpy(&nanos, base, sizeof nanos);
  }
  time_t time = (time_t)seconds;
  struct tm utc;
  gmtime_r(&time, &utc);
  char date[40];
  strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &utc);
  fprintf(out, "\"%s", date);
  if (nanos % 1000000 == 0 && nanos != 0) fprintf(out, ".%03" PRId32, nanos / 1000000);
  else if (nanos % 1000 == 0 && nanos != 0) fprintf(out, ".%06" PRId32, nanos / 1000);
  else if (nanos != 0) fprintf(out, ".%09" PRId32, nanos);
  fputs("Z\"", out);
}

/* One value of `field` stored at `value`. */
static void print_value(FILE *out, const ProtobufCFieldDescriptor *field, const void *value) {
  switch (field->type) {
  case PROTOBUF_C_TYPE_INT32:
  case PROTOBUF_C_TYPE_SINT32:
  case PROTOBUF_C_TYPE_SFIXED32: fprintf(out, "%" PRId32, *(const int32_t *)value); break;
  case PROTOBUF_C_TYPE_UINT32:
  case PROTOBUF_C_TYPE_FIXED32: fprintf(out, "%" PRIu32, *(const uint32_t *)value); break;
  case PROTOBUF_C_TYPE_INT64:
  case PROTOBUF_C_TYPE_SINT64:
  case PROTOBUF_C_TYPE_SFIXED64: fprintf(out, "\"%" PRId64 "\"", *(const int64_t *)value); break;
  case PROTOBUF_C_TYPE_UINT64:
  case PROTOBUF_C_TYPE_FIXED64: fprintf(out, "\"%" PRIu64 "\"", *(const uint64_t *)value); break;
  case PROTOBUF_C_TYPE_FLOAT: print_double(out, *(const float *)value); break;
  case PROTOBUF_C_TYPE_DOUBLE: print_double(out, *(const double *)value); break;
  case PROTOBUF_C_TYPE_BOOL: fputs(*(const protobuf_c_boolean *)value ? "true" : "false", out); break;
  case PROTOBUF_C_TYPE_ENUM: {
    int number = *(const int *)value;
    const ProtobufCEnumValue *named = protobuf_c_enum_descriptor_get_value(field->descriptor, number);
    if (named) print_string(out, named->name);
    else fprintf(out, "%d", number);
    break;
  }
  case PROTOBUF_C_TYPE_STRING: print_string(out, *(const char *const *)value ? *(const char *const *)value : ""); break;
  case PROTOBUF_C_TYPE_BYTES: print_bytes(out, (const ProtobufCBinaryData *)value); break;
  case PROTOBUF_C_TYPE_MESSAGE: print_message(out, *(const ProtobufCMessage *const *)value); break;
  }
}

static size_t value_size(ProtobufCType type) {
  switch (type) {
  case PROTOBUF_C_TYPE_INT32: case PROTOBUF_C_TYPE_SINT32: case PROTOBUF_C_TYPE_SFIXED32:
  case PROTOBUF_C_TYPE_UINT32: case PROTOBUF_C_TYPE_FIXED32: return 4;
  case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_SINT64: case PROTOBUF_C_TYPE_SFIXED64:
  case PROTOBUF_C_TYPE_UINT64: case PROTOBUF_C_TYPE_FIXED64: return 8;
  case PROTOBUF_C_TYPE_FLOAT: return sizeof(float);
  case PROTOBUF_C_TYPE_DOUBLE: return sizeof(double);
  case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
  case PROTOBUF_C_TYPE_ENUM: return sizeof(int);
  case PROTOBUF_C_TYPE_STRING: return sizeof(char *);
  case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
  case PROTOBUF_C_TYPE_MESSAGE: return sizeof(ProtobufCMessage *);
  }
  return 0;
}

/* Whether a singular field without explicit presence holds its default (and is omitted). */
static bool is_default(const ProtobufCFieldDescriptor *field, const void *value) {
  switch (field->type) {
  case PROTOBUF_C_TYPE_STRING: {
    const char *text = *(const char *const *)value;
    return text == NULL || text[0] == '\0';
  }
  case PROTOBUF_C_TYPE_BYTES: return ((const ProtobufCBinaryData *)value)->len == 0;
  case PROTOBUF_C_TYPE_MESSAGE: return *(const ProtobufCMessage *const *)value == NULL;
  case PROTOBUF_C_TYPE_FLOAT: return *(const float *)value == 0;
  case PROTOBUF_C_TYPE_DOUBLE: return *(const double *)value == 0;
  default: {
    static const unsigned char zero[8];
    return memcmp(value, zero, value_size(field->type)) == 0;
  }
  }
}

/* A map field is a repeated `…Entry` message with fields `key` (1) and `value` (2). */
static bool is_map(const ProtobufCFieldDescriptor *field) {
  if (field->label != PROTOBUF_C_LABEL_REPEATED || field->type != PROTOBUF_C_TYPE_MESSAGE) return false;
  const ProtobufCMessageDescriptor *entry = field->descriptor;
  size_t length = strlen(entry->name);
  return entry->n_fields == 2 && length > 5 && strcmp(entry->name + length - 5, "Entry") == 0 &&
         strcmp(entry->fields[0].name, "key") == 0 && strcmp(entry->fields[1].name, "value") == 0;
}

static void print_map(FILE *out, const ProtobufCFieldDescriptor *field, size_t count, void *const *entries) {
  const ProtobufCMessageDescriptor *entry = field->descriptor;
  const ProtobufCFieldDescriptor *key = &entry->fields[0];
  const ProtobufCFieldDescriptor *value = &entry->fields[1];
  fputc('{', out);
  for (size_t i = 0; i < count; i++) {
    const char *base = entries[i];
    if (i) fputc(',', out);
    if (key->type == PROTOBUF_C_TYPE_STRING) print_value(out, key, base + key->offset);
    else {
      fputc('"', out);
      /* Numeric and bool keys are quoted; 64-bit ones already print quoted, so strip those. */
      char buffer[64];
      FILE *scratch = fmemopen(buffer, sizeof buffer, "w");
      print_value(scratch, key, base + key->offset);
      fclose(scratch);
      buffer[sizeof buffer - 1] = '\0';
      fputs(buffer[0] == '"' ? buffer + 1 : buffer, out);
      if (buffer[0] != '"') fputc('"', out);
    }
    fputc(':', out);
    print_value(out, value, base + value->offset);
  }
  fputc('}', out);
}

static void print_message(FILE *out, const ProtobufCMessage *message) {
  const ProtobufCMessageDescriptor *descriptor = message->descriptor;
  if (strcmp(descriptor->name, "google.protobuf.Timestamp") == 0) {
    print_timestamp(out, message);
    return;
  }
  fputc('{', out);
  bool first = true;
  for (unsigned i = 0; i < descriptor->n_fields; i++) {
    const ProtobufCFieldDescriptor *field = &descriptor->fields[i];
    const char *base = (const char *)message;
    const void *value = base + field->offset;
    if (field->label == PROTOBUF_C_LABEL_REPEATED) {
      size_t count = *(const size_t *)(base + field->quantifier_offset);
      if (count == 0) continue;
      if (!first) fputc(',', out);
      first = false;
      print_json_name(out, field->name);
      fputc(':', out);
      void *const *array = *(void *const *)value;
      if (is_map(field)) {
        print_map(out, field, count, (void *const *)array);
        continue;
      }
      fputc('[', out);
      size_t size = value_size(field->type);
      for (size_t j = 0; j < count; j++) {
        if (j) fputc(',', out);
        print_value(out, field, (const char *)array + j * size);
      }
      fputc(']', out);
      continue;
    }
    bool present;
    if (field->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      present = *(const uint32_t *)(base + field->quantifier_offset) == field->id;
    } else if (field->label == PROTOBUF_C_LABEL_OPTIONAL && field->type != PROTOBUF_C_TYPE_MESSAGE &&
               field->type != PROTOBUF_C_TYPE_STRING) {
      present = *(const protobuf_c_boolean *)(base + field->quantifier_offset);
    } else if (field->label == PROTOBUF_C_LABEL_OPTIONAL || field->label == PROTOBUF_C_LABEL_REQUIRED) {
      present = field->type == PROTOBUF_C_TYPE_MESSAGE || field->type == PROTOBUF_C_TYPE_STRING
                    ? *(const void *const *)value != NULL
                    : true;
    } else {
      present = !is_default(field, value);
    }
    if (!present) continue;
    if (!first) fputc(',', out);
    first = false;
    print_json_name(out, field->name);
    fputc(':', out);
    print_value(out, field, value);
  }
  fputc('}', out);
}

void proto_json_print(FILE *out, const ProtobufCMessage *message) { print_message(out, message); }
