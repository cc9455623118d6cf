/* aectl-c: a C client of the CRYPTO AUTOENGINE gRPC contract, built on Debian's libcurl (HTTP/2
 * through libnghttp2, TLS through OpenSSL) and libprotobuf-c with code generated from proto/.
 *
 *   aectl-c HOST:PORT              ListCoins: every configured coin
 *   aectl-c HOST:PORT SYMBOL       GetCoinState: one coin's state
 *   aectl-c --watch N HOST:PORT [SYMBOL]
 *                                  WatchCoinStates: the first N messages (snapshot first)
 *
 * Output is the proto3 JSON mapping of each answer, one document per line (what
 * `aectl … --output json` and the REST bridge print), so the two can be compared field by field.
 * Exit status: 0, the gRPC status code of a failed call (5 NOT_FOUND, 14 UNAVAILABLE …), 2 for
 * usage errors. */
#include <curl/curl.h>
#include <nghttp2/nghttp2ver.h>
#include <openssl/opensslv.h>
#include <openssl/crypto.h>
#include <protobuf-c/protobuf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "autoengine/v1/coin_state.pb-c.h"
#include "grpc_call.h"
#include "proto_json.h"

/* Prints each answer of one type as a JSON line, up to `limit` of them (0: no limit). */
typedef struct {
  const ProtobufCMessageDescriptor *descriptor;
  size_t printed;
  size_t limit;
  bool failed;
} printer;

static bool print_answer(const uint8_t *bytes, size_t length, void *context) {
  printer *out = context;
  ProtobufCMessage *message = protobuf_c_message_unpack(out->descriptor, NULL, length, bytes);
  if (!message) {
    fprintf(stderr, "aectl-c: cannot decode a %s of %zu bytes\n", out->descriptor->name, length);
    out->failed = true;
    return false;
  }
  proto_json_print(stdout, message);
  fputc('\n', stdout);
  fflush(stdout);
  protobuf_c_message_free_unpacked(message, NULL);
  out->printed++;
  return out->limit == 0 || out->printed < out->limit;
}

/* Packs `request` and calls `method`, printing each answer; returns the exit status. */
static int call(const grpc_target *target, const char *method, const ProtobufCMessage *request,
                const ProtobufCMessageDescriptor *answer, size_t limit) {
  size_t length = protobuf_c_message_get_packed_size(request);
  uint8_t *bytes = malloc(length ? length : 1);
  protobuf_c_message_pack(request, bytes);
  printer out = {.descriptor = answer, .limit = limit};
  grpc_result result = grpc_call(target, method, bytes, length, print_answer, &out);
  free(bytes);
  if (out.failed) return 13;
  if (result.status != 0) {
    fprintf(stderr, "aectl-c: %s (%d): %s\n", grpc_status_name(result.status), result.status, result.message);
    return result.status;
  }
  return 0;
}

static void usage(FILE *out) {
  fprintf(out,
          "usage: aectl-c [--tls] [--ca FILE] [--token TOKEN] [--timeout SECONDS] [--verbose] HOST:PORT [SYMBOL]\n"
          "       aectl-c [--tls] [--ca FILE] [--token TOKEN] --watch N HOST:PORT [SYMBOL]\n"
          "       aectl-c --version\n"
          "Without SYMBOL: ListCoins. With SYMBOL: GetCoinState. --watch N: the first N messages of\n"
          "WatchCoinStates. Prints proto3 JSON, one document per line. --token (env AECTL_TOKEN) is\n"
          "sent as the bearer token, for servers whose reads need it.\n");
}

static void print_version(void) {
  const curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);
  printf("aectl-c 0.1\nlibcurl %s (HTTP/2: %s, TLS: %s)\nnghttp2 %s (built against %s)\nOpenSSL %s\nprotobuf-c %s\n",
         curl->version, (curl->features & CURL_VERSION_HTTP2) ? "yes" : "no", curl->ssl_version ? curl->ssl_version : "none",
         curl->nghttp2_version ? curl->nghttp2_version : "none", NGHTTP2_VERSION, OpenSSL_version(OPENSSL_VERSION),
         protobuf_c_version());
}

int main(int argc, char **argv) {
  grpc_target target = {.timeout_seconds = 10, .token = getenv("AECTL_TOKEN")};
  long watch = 0;
  const char *positional[2] = {NULL, NULL};
  int positionals = 0;
  for (int i = 1; i < argc; i++) {
    const char *argument = argv[i];
    if (strcmp(argument, "--help") == 0 || strcmp(argument, "-h") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(argument, "--version") == 0) {
      print_version();
      return 0;
    } else if (strcmp(argument, "--tls") == 0) {
      target.tls = true;
    } else if (strcmp(argument, "--verbose") == 0) {
      target.verbose = true;
    } else if (strcmp(argument, "--ca") == 0 && i + 1 < argc) {
      target.ca_file = argv[++i];
      target.tls = true;
    } else if (strcmp(argument, "--token") == 0 && i + 1 < argc) {
      target.token = argv[++i];
    } else if (strcmp(argument, "--timeout") == 0 && i + 1 < argc) {
      target.timeout_seconds = strtol(argv[++i], NULL, 10);
    } else if (strcmp(argument, "--watch") == 0 && i + 1 < argc) {
      watch = strtol(argv[++i], NULL, 10);
      if (watch <= 0) {
        fprintf(stderr, "aectl-c: --watch needs a positive number of messages\n");
        return 2;
      }
    } else if (argument[0] == '-' || positionals == 2) {
      fprintf(stderr, "aectl-c: unexpected argument '%s'\n", argument);
      usage(stderr);
      return 2;
    } else {
      positional[positionals++] = argument;
    }
  }
  if (positionals == 0 || !strchr(positional[0], ':')) {
    usage(stderr);
    return 2;
  }
  target.target = positional[0];
  const char *symbol = positional[1];

  curl_global_init(CURL_GLOBAL_DEFAULT);
  const curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);
  if (!(curl->features & CURL_VERSION_HTTP2)) {
    fprintf(stderr, "aectl-c: this libcurl (%s) has no HTTP/2 support, which gRPC needs\n", curl->version);
    return 2;
  }
  int status;
  if (watch > 0) {
    Autoengine__V1__WatchCoinStatesRequest request = AUTOENGINE__V1__WATCH_COIN_STATES_REQUEST__INIT;
    char *symbols[1] = {(char *)symbol};
    if (symbol) {
      request.n_symbols = 1;
      request.symbols = symbols;
    }
    target.timeout_seconds = 0; /* a stream has no deadline; it ends after `watch` messages */
    status = call(&target, "/autoengine.v1.CoinStateService/WatchCoinStates", &request.base,
                  &autoengine__v1__coin_state_update__descriptor, (size_t)watch);
  } else if (symbol) {
    Autoengine__V1__GetCoinStateRequest request = AUTOENGINE__V1__GET_COIN_STATE_REQUEST__INIT;
    request.symbol = (char *)symbol;
    status = call(&target, "/autoengine.v1.CoinStateService/GetCoinState", &request.base,
                  &autoengine__v1__coin_state__descriptor, 0);
  } else {
    Autoengine__V1__ListCoinsRequest request = AUTOENGINE__V1__LIST_COINS_REQUEST__INIT;
    status = call(&target, "/autoengine.v1.CoinStateService/ListCoins", &request.base,
                  &autoengine__v1__list_coins_response__descriptor, 0);
  }
  curl_global_cleanup();
  return status;
}
