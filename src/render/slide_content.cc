#include "render/slide_content.h"

namespace deckd {
namespace {

using nlohmann::json;

std::string text_of(const json& props, const char* key) {
  auto it = props.find(key);
  if (it == props.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return "";
}

std::string first_text(const json& obj, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (auto t = text_of(obj, k); !t.empty()) return t;
  }
  return "";
}

// `content` may hold line breaks and "- " bullets.
void add_content(std::vector<BodyItem>& body, const std::string& content) {
  std::size_t start = 0;
  while (start <= content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    std::string line = content.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) {
      body.push_back({"", line.substr(2), true});
    } else if (!line.empty()) {
      body.push_back({"", line, false});
    }
    start = end + 1;
  }
}

// Arrays of strings or of {heading/title/value/label, description/text} objects.
void add_list(std::vector<BodyItem>& body, const json& props, const char* key) {
  auto it = props.find(key);
  if (it == props.end() || !it->is_array()) return;
  for (const auto& item : *it) {
    if (item.is_string()) {
      body.push_back({"", item.get<std::string>(), true});
    } else if (item.is_number()) {
      body.push_back({"", item.dump(), true});
    } else if (item.is_object()) {
      std::string heading = first_text(item, {"heading", "title", "value", "name"});
      std::string text = first_text(item, {"description", "text", "content", "label"});
      if (heading == text) text.clear();
      if (auto label = text_of(item, "label"); !label.empty() && text != label &&
                                                heading != label)
        text = label + (text.empty() ? "" : " \u2014 " + text);
      if (!heading.empty() || !text.empty()) body.push_back({heading, text, true});
    }
  }
}

std::string bullet_mark(const std::string& style) {
  if (style == "arrow") return "\u2192";
  if (style == "check") return "\u2713";
  if (style == "star") return "\u2605";
  if (style == "number") return "#";
  return "\u2022";
}

}  // namespace

std::vector<BodyItem> list_items(const nlohmann::json& props, const char* key) {
  std::vector<BodyItem> items;
  add_list(items, props, key);
  return items;
}

SlideContent extract_content(const Slide& slide) {
  const json& p = slide.props;
  SlideContent c;
  c.is_title_slide = slide.template_id == "title-slide" || slide.template_id == "hero-title-slide";
  c.title = text_of(p, "title");
  c.subtitle = text_of(p, "subtitle");
  c.bullet_mark = bullet_mark(text_of(p, "bulletStyle"));
  add_content(c.body, text_of(p, "content"));
  for (const char* side : {"left", "right"}) {
    const std::string title = text_of(p, (std::string(side) + "Title").c_str());
    const std::string content = text_of(p, (std::string(side) + "Content").c_str());
    if (!title.empty()) c.body.push_back({title, "", false});
    add_content(c.body, content);
  }
  if (auto t = text_of(p, "challengesTitle"); !t.empty() || p.contains("challenges"))
    c.body.push_back({t.empty() ? "Challenges" : t, "", false});
  add_list(c.body, p, "challenges");
  if (auto t = text_of(p, "solutionsTitle"); !t.empty() || p.contains("solutions"))
    c.body.push_back({t.empty() ? "Solutions" : t, "", false});
  add_list(c.body, p, "solutions");
  for (const char* key : {"bullets", "items", "steps", "boxes", "points"}) add_list(c.body, p, key);
  if (auto alt = text_of(p, "imageAlt"); !alt.empty()) c.body.push_back({"", alt, false});
  const std::string author = text_of(p, "author"), date = text_of(p, "date");
  c.footer = author + (!author.empty() && !date.empty() ? "  \u00b7  " : "") + date;
  if (c.title.empty() && c.subtitle.empty() && c.body.empty()) c.title = slide.slide_id;
  return c;
}

}  // namespace deckd
