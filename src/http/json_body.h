// Reading a request body that must be JSON: the content type, UTF-8, syntax
// and nesting depth are checked here, and each failure is answered with the
// 4xx api.md asks for and a sentence that says what to fix.
#pragma once

#include <optional>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace deckd {

// The parsed body, or nullopt after answering 415 (not application/json) or
// 400 (not valid UTF-8 JSON, or nested more than 32 levels deep).
// `body` is the request's body.
std::optional<nlohmann::json> read_json_body(const httplib::Request& req, const std::string& body,
                                             httplib::Response& res);

}  // namespace deckd
