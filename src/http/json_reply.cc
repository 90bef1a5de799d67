#include "http/json_reply.h"

namespace deckd {
namespace {

// Replaces invalid UTF-8 (which can only come from echoing bad input, such as
// a parser message quoting it) instead of throwing.
std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void reply_ok(httplib::Response& res, int status, nlohmann::json body) {
  body["success"] = true;
  res.status = status;
  res.set_content(dump(body), kJsonContentType);
}

void reply_error(httplib::Response& res, int status, const std::string& code,
                 const std::string& message, nlohmann::json extra) {
  extra["success"] = false;
  extra["error"] = message;
  extra["code"] = code;
  res.status = status;
  res.set_content(dump(extra), kJsonContentType);
}

}  // namespace deckd
