#include "http/router.h"

#include "http/json_reply.h"

namespace deckd {

void Router::get(const std::string& pattern, Handler handler) {
  routes_.push_back({std::regex(pattern), "GET"});
  server_.Get(pattern, std::move(handler));
}

void Router::post(const std::string& pattern, Handler handler) {
  routes_.push_back({std::regex(pattern), "POST"});
  server_.Post(pattern, std::move(handler));
}

void Router::del(const std::string& pattern, Handler handler) {
  routes_.push_back({std::regex(pattern), "DELETE"});
  server_.Delete(pattern, std::move(handler));
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
  server_.Get(any, handler);
  server_.Post(any, handler);
  server_.Put(any, handler);
  server_.Patch(any, handler);
  server_.Delete(any, handler);
  server_.Options(any, handler);
}

}  // namespace deckd
