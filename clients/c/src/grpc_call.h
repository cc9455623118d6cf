/* gRPC calls over libcurl's HTTP/2 (nghttp2): the length-prefixed message framing of the gRPC
 * wire protocol, the request headers and the status from the response trailers. */
#ifndef AECTL_C_GRPC_CALL_H
#define AECTL_C_GRPC_CALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where and how to connect. */
typedef struct {
  const char *target;   /* HOST:PORT */
  bool tls;             /* https with ALPN h2; otherwise h2c with prior knowledge */
  const char *ca_file;  /* PEM of the CA to trust (TLS), or NULL for the system's roots */
  long timeout_seconds; /* deadline of the whole call; 0 for none (streams) */
  bool verbose;         /* libcurl's trace on stderr */
  const char *token;    /* sent as `authorization: Bearer <token>` when not NULL */
} grpc_target;

/* Called with each response message's bytes; returns false to stop reading (e.g. after N). */
typedef bool (*grpc_message_handler)(const uint8_t *bytes, size_t length, void *context);

/* The outcome of a call. */
typedef struct {
  int status;            /* the gRPC status code (0 OK), 14 UNAVAILABLE when the transport failed */
  char message[1024];    /* grpc-message (percent-decoded) or the transport error */
  bool stopped;          /* the handler stopped the stream before its end */
  size_t messages;       /* response messages received */
} grpc_result;

/* Calls `method` ("/package.Service/Method") with the serialized `request`, handing every
 * response message to `handler`. One function for unary and server-streaming calls: a unary
 * answer is a stream of one message. */
grpc_result grpc_call(const grpc_target *target, const char *method, const uint8_t *request, size_t request_length,
                      grpc_message_handler handler, void *context);

/* The canonical name of a gRPC status code, e.g. "NOT_FOUND". */
const char *grpc_status_name(int status);

#endif
