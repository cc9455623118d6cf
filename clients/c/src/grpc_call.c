/* gRPC over libcurl. libcurl speaks HTTP/2 through nghttp2 (with prior knowledge on a plaintext
 * port, as gRPC's h2c does, or negotiated by ALPN over TLS with OpenSSL), delivers the response
 * body as it arrives and the trailers to the header callback. What gRPC adds on top is small and
 * written here: 5-byte message prefixes (compressed flag, big-endian length) and the
 * `grpc-status` / `grpc-message` trailers (or headers, for a trailers-only answer). */
#include "grpc_call.h"

#include <ctype.h>
#include <curl/curl.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint8_t *buffer;
  size_t length, capacity;
  grpc_message_handler handler;
  void *context;
  grpc_result *result;
  bool have_status;
  bool framing_error;
} call_state;

static const char *const status_names[] = {
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
    "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};

const char *grpc_status_name(int status) {
  return status >= 0 && status <= 16 ? status_names[status] : "UNKNOWN";
}

/* Percent-decodes a grpc-message value into `out`. */
static void percent_decode(const char *in, size_t length, char *out, size_t capacity) {
  size_t o = 0;
  for (size_t i = 0; i < length && o + 1 < capacity; i++) {
    if (in[i] == '%' && i + 2 < length && isxdigit((unsigned char)in[i + 1]) && isxdigit((unsigned char)in[i + 2])) {
      char hex[3] = {in[i + 1], in[i + 2], 0};
      out[o++] = (char)strtol(hex, NULL, 16);
      i += 2;
    } else {
      out[o++] = in[i];
    }
  }
  out[o] = '\0';
}

/* Response headers and trailers, one line at a time. */
static size_t on_header(char *line, size_t size, size_t count, void *user) {
  call_state *state = user;
  size_t length = size * count;
  size_t end = length;
  while (end > 0 && (line[end - 1] == '\r' || line[end - 1] == '\n')) end--;
  if (end > 12 && strncasecmp(line, "grpc-status:", 12) == 0) {
    state->result->status = atoi(line + 12);
    state->have_status = true;
  } else if (end > 13 && strncasecmp(line, "grpc-message:", 13) == 0) {
    const char *value = line + 13;
    while (value < line + end && *value == ' ') value++;
    percent_decode(value, (size_t)(line + end - value), state->result->message, sizeof state->result->message);
  }
  return length;
}

/* Response body: appends, then hands over every complete length-prefixed message. */
static size_t on_body(char *data, size_t size, size_t count, void *user) {
  call_state *state = user;
  size_t length = size * count;
  if (state->length + length > state->capacity) {
    size_t capacity = state->capacity ? state->capacity : 65536;
    while (capacity < state->length + length) capacity *= 2;
    uint8_t *grown = realloc(state->buffer, capacity);
    if (!grown) return 0;
    state->buffer = grown;
    state->capacity = capacity;
  }
  memcpy(state->buffer + state->length, data, length);
  state->length += length;
  size_t offset = 0;
  while (state->length - offset >= 5) {
    const uint8_t *prefix = state->buffer + offset;
    uint32_t message_length = (uint32_t)prefix[1] << 24 | (uint32_t)prefix[2] << 16 | (uint32_t)prefix[3] << 8 | prefix[4];
    if (prefix[0] != 0) { /* we asked for identity encoding; a compressed message is an error */
      state->framing_error = true;
      return 0;
    }
    if (state->length - offset - 5 < message_length) break;
    state->result->messages++;
    bool more = state->handler(prefix + 5, message_length, state->context);
    offset += 5 + message_length;
    if (!more) {
      state->result->stopped = true;
      return 0; /* makes libcurl abort the transfer (CURLE_WRITE_ERROR), which ends the stream */
    }
  }
  memmove(state->buffer, state->buffer + offset, state->length - offset);
  state->length -= offset;
  return length;
}

/* OpenSSL's context of a TLS connection: no protocol older than TLS 1.2 (gRPC's minimum). */
static CURLcode configure_tls(CURL *curl, void *ssl_context, void *user) {
  (void)curl;
  (void)user;
  SSL_CTX_set_min_proto_version((SSL_CTX *)ssl_context, TLS1_2_VERSION);
  return CURLE_OK;
}

grpc_result grpc_call(const grpc_target *target, const char *method, const uint8_t *request, size_t request_length,
                      grpc_message_handler handler, void *context) {
  grpc_result result = {.status = 2};
  call_state state = {.handler = handler, .context = context, .result = &result};

  /* The request body: one length-prefixed, uncompressed message. */
  size_t body_length = request_length + 5;
  uint8_t *body = malloc(body_length);
  body[0] = 0;
  body[1] = (uint8_t)(request_length >> 24);
  body[2] = (uint8_t)(request_length >> 16);
  body[3] = (uint8_t)(request_length >> 8);
  body[4] = (uint8_t)request_length;
  if (request_length) memcpy(body + 5, request, request_length);

  char url[1024];
  snprintf(url, sizeof url, "%s://%s%s", target->tls ? "https" : "http", target->target, method);
  struct curl_slist *headers = NULL;
  headers = curl_slist_append(headers, "Content-Type: application/grpc+proto");
  headers = curl_slist_append(headers, "TE: trailers");
  headers = curl_slist_append(headers, "grpc-accept-encoding: identity");
  headers = curl_slist_append(headers, "User-Agent: aectl-c/0.1 (libcurl)");
  headers = curl_slist_append(headers, "Expect:");
  headers = curl_slist_append(headers, "Accept:");
  char authorization[1100];
  if (target->token && target->token[0]) {
    snprintf(authorization, sizeof authorization, "authorization: Bearer %.1024s", target->token);
    headers = curl_slist_append(headers, authorization);
  }
  char deadline[64];
  if (target->timeout_seconds > 0) {
    snprintf(deadline, sizeof deadline, "grpc-timeout: %ldS", target->timeout_seconds);
    headers = curl_slist_append(headers, deadline);
  }

  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_HTTP_VERSION,
                   target->tls ? (long)CURL_HTTP_VERSION_2TLS : (long)CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE);
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)body_length);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &state);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &state);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (target->timeout_seconds > 0) curl_easy_setopt(curl, CURLOPT_TIMEOUT, target->timeout_seconds + 1);
  if (target->verbose) curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
  if (target->tls) {
    curl_easy_setopt(curl, CURLOPT_SSL_CTX_FUNCTION, configure_tls);
    if (target->ca_file) curl_easy_setopt(curl, CURLOPT_CAINFO, target->ca_file);
  }

  CURLcode code = curl_easy_perform(curl);
  long http_status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &http_status);
  if (result.stopped) {
    result.status = 0;
  } else if (state.framing_error) {
    result.status = 13;
    snprintf(result.message, sizeof result.message, "the server sent a compressed message, which was not asked for");
  } else if (code != CURLE_OK) {
    result.status = code == CURLE_OPERATION_TIMEDOUT ? 4 : 14;
    snprintf(result.message, sizeof result.message, "cannot call %.200s%.200s: %s", target->target, method, curl_easy_strerror(code));
  } else if (!state.have_status) {
    result.status = http_status == 200 ? 13 : 14;
    snprintf(result.message, sizeof result.message, "no grpc-status in the answer (HTTP %ld)", http_status);
  } else if (state.length != 0) {
    result.status = 13;
    snprintf(result.message, sizeof result.message, "the answer ended inside a message");
  }
  curl_easy_cleanup(curl);
  curl_slist_free_all(headers);
  free(body);
  free(state.buffer);
  return result;
}
