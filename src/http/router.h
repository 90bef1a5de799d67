// Router puts deckd's routes on a cpp-httplib server and remembers their
// paths, so that a request to a known path with a method it does not take
// gets 405 with an Allow header, and one to an unknown path a JSON 404.
// Left alone, cpp-httplib answers an unmatched POST, PUT or PATCH with a bare
// 400, which tells a client nothing about what to fix.
//
// Not thread-safe while routes are added; immutable (and so safe to share
// between handler threads) once add_fallbacks() has run, before serving.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

namespace deckd {

class Router {
 public:
  using Handler = httplib::Server::Handler;

  explicit Router(httplib::Server& server) : server_(server) {}

  // `pattern` is a cpp-httplib path regex; GET routes answer HEAD too.
  void get(const std::string& pattern, Handler handler);
  void post(const std::string& pattern, Handler handler);
  void del(const std::string& pattern, Handler handler);

  // Answers everything no route took: 405 (or 204 for OPTIONS) where the
  // path is known, 404 where it is not.
  // REQUIRES: called once, after every route was added.
  void add_fallbacks();

 private:
  struct Route {
    std::regex path;
    std::string method;
  };
  // "GET, HEAD, POST" for the methods routes take on `path`; empty if none.
  std::string allowed_methods(const std::string& path) const;
  void fallback(const httplib::Request& req, httplib::Response& res) const;

  httplib::Server& server_;
  std::vector<Route> routes_;
};

}  // namespace deckd
