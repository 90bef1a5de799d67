#include "http/router.h"

#include "http/json_reply.h"

namespace deckd {

void Router::get(const std::string& pattern, Handler handler) {
  routes_.push_back({std::regex(pattern), "GET"});
  server_.Get(pattern, std::move(handler));
}

void Router::post(const std::string& pattern, BodyHandler handler) {
  routes_.push_back({std::regex(pattern), "POST"});
  server_.Post(pattern, with_body(std::move(handler)));
}

void Router::del(const std::string& pattern, Handler handler) {
  routes_.push_back({std::regex(pattern), "DELETE"});
  server_.Delete(pattern, std::move(handler));
}

std::optional<std::string> Router::read_body(const httplib::Request& req, httplib::Response& res,
                                             const httplib::ContentReader& reader) const {
  const bool chunked = req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos;
  if (!req.has_header("Content-Length") && !chunked) return std::string();
  std::string body;
  bool too_large = false;
  const bool read = reader([&](const char* data, std::size_t size) {
    too_large = body.size() + size > max_body_bytes_;
    if (!too_large) body.append(data, size);
    return !too_large;
  });
  if (read) return body;
  // The rest of the body is still unread on the socket: this connection is done.
  res.set_header("Connection", "close");
  if (too_large || res.status == 413) {
    reply_error(res, 413, "payload_too_large",
                "The request body is larger than " + std::to_string(max_body_bytes_ / (1024 * 1024)) +
                    " MB; send fewer or smaller slides (embed images by asset path, not data: URLs).");
  } else {
    reply_error(res, 400, "invalid_request",
                "The request body ended before its Content-Length, or its chunked encoding is broken.");
  }
  return std::nullopt;
}

httplib::Server::HandlerWithContentReader Router::with_body(BodyHandler handler) const {
  return [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res,
                                              const httplib::ContentReader& reader) {
    if (std::optional<std::string> body = read_body(req, res, reader)) handler(req, res, *body);
  };
}

std::string Router::allowed_methods(const std::string& path) const {
  std::string allowed;
  auto add = [&](const std::string& method) {
    if (allowed.find(method) != std::string::npos) return;
    if (!allowed.empty()) allowed += ", ";
    allowed += method;
  };
  for (const Route& route : routes_) {
    if (!std::regex_match(path, route.path)) continue;
    add(route.method);
    if (route.method == "GET") add("HEAD");
  }
  return allowed;
}

void Router::fallback(const httplib::Request& req, httplib::Response& res) const {
  const std::string allowed = allowed_methods(req.path);
  if (allowed.empty())
    return reply_error(res, 404, "not_found", "No route for " + req.method + " " + req.path + ".");
  res.set_header("Allow", allowed);
  if (req.method == "OPTIONS") {
    res.status = 204;
    return;
  }
  reply_error(res, 405, "method_not_allowed",
              req.path + " does not take " + req.method + "; it takes " + allowed + ".",
              {{"allow", allowed}});
}

void Router::add_fallbacks() {
  const std::string any = ".*";
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { fallback(req, res); };
  // The body is read (and dropped) so the connection stays in step.
  auto drain = with_body([this](const httplib::Request& req, httplib::Response& res, const std::string&) {
    fallback(req, res);
  });
  server_.Get(any, handler);
  server_.Post(any, drain);
  server_.Put(any, drain);
  server_.Patch(any, drain);
  server_.Delete(any, handler);
  server_.Options(any, handler);
}

}  // namespace deckd
