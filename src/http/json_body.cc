#include "http/json_body.h"

#include <cctype>
#include <string>

#include "http/json_reply.h"

namespace deckd {
namespace {

using nlohmann::json;

bool is_json_content_type(const std::string& value) {
  std::string type = value.substr(0, value.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json";
}

// Strips nlohmann's "[json.exception.parse_error.101] " prefix for users.
std::string parse_error_text(const std::string& what) {
  const auto pos = what.find("] ");
  return pos == std::string::npos ? what : what.substr(pos + 2);
}

// Deeply nested JSON would exhaust the stack of anything that walks it.
constexpr int kMaxNesting = 32;
struct TooDeep {};
bool limit_nesting(int depth, json::parse_event_t, json&) {
  if (depth > kMaxNesting) throw TooDeep{};
  return true;
}

}  // namespace

std::optional<json> read_json_body(const httplib::Request& req, const std::string& body, httplib::Response& res) {
  if (!is_json_content_type(req.get_header_value("Content-Type"))) {
    reply_error(res, 415, "unsupported_media_type", "Send the presentation as JSON with Content-Type: application/json.");
    return std::nullopt;
  }
  if (body.empty()) {
    reply_error(res, 400, "invalid_request", "The body is empty; send the presentation as a JSON object.");
    return std::nullopt;
  }
  try {
    return json::parse(body, limit_nesting);
  } catch (const json::parse_error& e) {
    reply_error(res, 400, "invalid_request", "The body is not valid UTF-8 JSON: " + parse_error_text(e.what()));
  } catch (const TooDeep&) {
    reply_error(res, 400, "invalid_request",
                "The body nests arrays and objects more than " + std::to_string(kMaxNesting) +
                    " levels deep; flatten it.");
  }
  return std::nullopt;
}

}  // namespace deckd
