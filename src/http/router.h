// Router puts deckd's routes on a cpp-httplib server and remembers their
// paths, so that a request to a known path with a method it does not take
// gets 405 with an Allow header, and one to an unknown path a JSON 404.
// Left alone, cpp-httplib answers an unmatched POST, PUT or PATCH with a bare
// 400, which tells a client nothing about what to fix.
//
// Router also reads request bodies itself. cpp-httplib 0.11 refuses (400) a
// POST without Content-Length, although such a request simply has no body
// (RFC 9112 6.3) and is what `curl -X POST URL` sends; and it does not hold
// a chunked body to the size limit. Router does both right.
//
// Not thread-safe while routes are added; immutable (and so safe to share
// between handler threads) once add_fallbacks() has run, before serving.
#pragma once

#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

namespace deckd {

class Router {
 public:
  using Handler = httplib::Server::Handler;
  // `body` is the whole request body, empty when there is none.
  using BodyHandler =
      std::function<void(const httplib::Request&, httplib::Response&, const std::string& body)>;

  // Bodies over `max_body_bytes` are answered with 413.
  Router(httplib::Server& server, std::size_t max_body_bytes)
      : server_(server), max_body_bytes_(max_body_bytes) {}

  // `pattern` is a cpp-httplib path regex; GET routes answer HEAD too.
  void get(const std::string& pattern, Handler handler);
  void post(const std::string& pattern, BodyHandler handler);
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
  // The body, or nullopt after answering 413 (too large) or 400 (cut short).
  std::optional<std::string> read_body(const httplib::Request& req, httplib::Response& res,
                                       const httplib::ContentReader& reader) const;
  httplib::Server::HandlerWithContentReader with_body(BodyHandler handler) const;

  httplib::Server& server_;
  const std::size_t max_body_bytes_;
  std::vector<Route> routes_;
};

}  // namespace deckd
