// SlideContent is the text of a slide, pulled out of its template's props
// into the parts the painter lays out. Every word the user typed ends up in
// one of them, whatever the template, so nothing is silently dropped.
#pragma once

#include <string>
#include <vector>

#include "jobs/presentation.h"

namespace deckd {

// One line of a slide's body.
struct BodyItem {
  std::string heading;  // bold lead-in, may be empty
  std::string text;
  bool bullet = false;  // drawn with a bullet mark
};

struct SlideContent {
  bool is_title_slide = false;  // title-slide, hero-title-slide: large, centered
  std::string title;
  std::string subtitle;
  std::vector<BodyItem> body;
  std::string footer;  // author, date
  std::string bullet_mark = "\u2022";
};

SlideContent extract_content(const Slide& slide);

// The entries of the list prop `key` (strings, or objects with a heading-like
// and a text-like field), in order; empty when absent.
std::vector<BodyItem> list_items(const nlohmann::json& props, const char* key);

}  // namespace deckd
