#include "http/json_reply.h"

namespace deckd {

void reply_ok(httplib::Response& res, int status, nlohmann::json body) {
  body["success"] = true;
  res.status = status;
  res.set_content(body.dump(), kJsonContentType);
}

void reply_error(httplib::Response& res, int status, const std::string& code,
                 const std::string& message, nlohmann::json extra) {
  extra["success"] = false;
  extra["error"] = message;
  extra["code"] = code;
  res.status = status;
  res.set_content(extra.dump(), kJsonContentType);
}

}  // namespace deckd
