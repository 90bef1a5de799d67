#include <catch2/catch.hpp>

#include "jobs/presentation_parser.h"

using deckd::parse_presentation;
using nlohmann::json;

namespace {

json minimal() { return {{"slidesData", {{{"templateId", "content-slide"}, {"props", {{"title", "Hi"}}}}}}}; }

// The field paths of every error for `body`.
std::vector<std::string> error_fields(const json& body) {
  std::vector<std::string> fields;
  for (const auto& e : parse_presentation(body).errors) fields.push_back(e.field);
  return fields;
}

}  // namespace

TEST_CASE("a minimal request gets the documented defaults", "[jobs][request]") {
  auto parsed = parse_presentation(minimal());
  REQUIRE(parsed.errors.empty());
  const auto& p = *parsed.presentation;
  CHECK(p.slides.size() == 1);
  CHECK(p.theme == "dark-purple");
  CHECK(p.width == 1920);
  CHECK(p.height == 1080);
  CHECK(p.quality == "medium");
  CHECK(p.project_name == deckd::kDefaultProjectName);
  CHECK_FALSE(p.slide_seconds);
}

TEST_CASE("null means default and unknown fields are ignored", "[jobs][request]") {
  json body = minimal();
  body["theme"] = nullptr;
  body["resolution"] = nullptr;
  body["somethingNew"] = {{"x", 1}};
  auto parsed = parse_presentation(body);
  REQUIRE(parsed.errors.empty());
  CHECK(parsed.presentation->theme == "dark-purple");
  CHECK(parsed.presentation->width == 1920);
}

TEST_CASE("narration follows slides.md precedence", "[jobs][request]") {
  json body = {{"slidesData",
                {{{"voiceoverText", "own"}, {"props", {{"voiceoverText", "props"}}}},
                 {{"props", {{"voiceoverText", "props"}}}},
                 {{"props", json::object()}},
                 {{"props", json::object()}}}},
               {"voiceoverTexts", {"list0", "list1", "list2"}}};
  auto parsed = parse_presentation(body);
  REQUIRE(parsed.errors.empty());
  const auto& s = parsed.presentation->slides;
  CHECK(s[0].narration == "own");
  CHECK(s[1].narration == "props");
  CHECK(s[2].narration == "list2");
  CHECK(s[3].narration == "");
}

TEST_CASE("bad fields are named by their path", "[jobs][request]") {
  SECTION("a text over 5000 characters") {
    json body = minimal();
    body["slidesData"].push_back({{"props", json::object()}});
    body["slidesData"].push_back({{"props", json::object()}});
    body["slidesData"].push_back({{"props", {{"title", std::string(5001, 'a')}}}});
    CHECK(error_fields(body) == std::vector<std::string>{"slidesData[3].props.title"});
  }
  SECTION("5000 Cyrillic characters are within the limit") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "ж";
    json body = minimal();
    body["slidesData"][0]["props"]["content"] = text;
    CHECK(error_fields(body).empty());
  }
  SECTION("a nested bullet") {
    json body = minimal();
    body["slidesData"][0]["props"]["bullets"] = {"ok", std::string(6000, 'b')};
    CHECK(error_fields(body) == std::vector<std::string>{"slidesData[0].props.bullets[1]"});
  }
  SECTION("more than 50 slides") {
    json body = minimal();
    for (int i = 0; i < 50; ++i) body["slidesData"].push_back(body["slidesData"][0]);
    CHECK(error_fields(body) == std::vector<std::string>{"slidesData"});
  }
  SECTION("resolution out of range or malformed") {
    for (json r : {json{319, 180}, json{3841, 2160}, json{1920}, json{"1920", 1080}, json{1920.5, 1080}}) {
      json body = minimal();
      body["resolution"] = r;
      INFO(r.dump());
      CHECK(error_fields(body) == std::vector<std::string>{"resolution"});
    }
    json body = minimal();
    body["resolution"] = {3840, 2160};
    CHECK(error_fields(body).empty());
  }
  SECTION("a negative duration") {
    json body = minimal();
    body["duration"] = -1;
    CHECK(error_fields(body) == std::vector<std::string>{"duration"});
  }
  SECTION("enums") {
    json body = minimal();
    body["quality"] = "ultra";
    body["layout"] = 3;
    CHECK(error_fields(body) == std::vector<std::string>{"layout", "quality"});
  }
  SECTION("wrong shapes") {
    json body = minimal();
    body["slidesData"].push_back(7);
    body["slidesData"][0]["props"] = "text";
    body["voiceoverTexts"] = "not a list";
    body["transitions"] = {{{"type", "fade"}, {"duration", -2}}};
    CHECK(error_fields(body) == std::vector<std::string>{"voiceoverTexts", "slidesData[0].props",
                                                         "slidesData[1]", "transitions[0].duration"});
  }
}

TEST_CASE("a request without slides explains what to send", "[jobs][request]") {
  auto only_url = parse_presentation({{"slideUrl", "https://example.com/deck"}});
  REQUIRE(only_url.errors.size() == 1);
  CHECK(only_url.errors[0].field == "slideUrl");
  CHECK_THAT(only_url.errors[0].message, Catch::Contains("not supported"));

  CHECK(error_fields(json::object()) == std::vector<std::string>{"slidesData"});
  CHECK(error_fields({{"slidesData", json::array()}}) == std::vector<std::string>{"slidesData"});
  CHECK(error_fields(json::array()) == std::vector<std::string>{"body"});
}
