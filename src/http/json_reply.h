// How every JSON answer is written: api.md's content type, "success", and for
// failures one human sentence in "error" plus a stable machine "code".
#pragma once

#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace deckd {

inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

// Sends `body` with "success": true added.
void reply_ok(httplib::Response& res, int status, nlohmann::json body);

// Sends {"success": false, "error": message, "code": code} plus `extra` fields.
void reply_error(httplib::Response& res, int status, const std::string& code,
                 const std::string& message,
                 nlohmann::json extra = nlohmann::json::object());

}  // namespace deckd
