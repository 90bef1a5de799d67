#include "http/status_page.h"

#include "http/json_reply.h"
#include "http/web_assets.h"

namespace deckd {
namespace {

constexpr const char* kPolicy =
    "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self';"
    " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

void serve(const WebAsset& asset, httplib::Response& res) {
  res.set_header("Cache-Control", "no-cache");
  res.set_header("Content-Security-Policy", kPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(asset.body.data(), asset.body.size(), std::string(asset.content_type).c_str());
}

const WebAsset* find_asset(const std::string& name) {
  for (const auto& asset : web_assets())
    if (asset.name == name) return &asset;
  return nullptr;
}

}  // namespace

void register_status_page(Router& router) {
  router.get("/", [](const httplib::Request&, httplib::Response& res) { serve(*find_asset("index.html"), res); });
  router.get(R"(/assets/([A-Za-z0-9._-]+))", [](const httplib::Request& req, httplib::Response& res) {
    if (const WebAsset* asset = find_asset(req.matches[1].str())) return serve(*asset, res);
    reply_error(res, 404, "not_found", "The status page has no file " + req.matches[1].str() + ".");
  });
}

}  // namespace deckd
