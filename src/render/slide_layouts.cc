#include "render/slide_layouts.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "render/slide_content.h"

namespace deckd {
namespace {

std::string text_of(const nlohmann::json& props, const char* key) {
  auto it = props.find(key);
  return it != props.end() && it->is_string() ? it->get<std::string>() : "";
}

void rounded_rect(cairo_t* cr, double x, double y, double w, double h, double r) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

// A card: tinted panel, optional big lead (a number or value), heading, text.
void draw_card(cairo_t* cr, const Area& a, const std::string& lead, const BodyItem& item, PangoAlignment align,
               double s, const LayoutColors& c, TextTrouble& t) {
  set_color(cr, c.accent, 0.16);
  rounded_rect(cr, a.x, a.y, a.w, a.h, 18 * s);
  cairo_fill(cr);
  const double pad = 28 * s, inner = a.w - 2 * pad;
  double y = a.y + pad;
  if (!lead.empty()) {
    set_color(cr, c.accent);
    y += draw_text(cr, "<b>" + escape(lead) + "</b>", {a.x + pad, y, inner, a.h * 0.4, 72 * s, 28 * s, false, align}, t) +
         8 * s;
  }
  if (!item.heading.empty()) {
    set_color(cr, c.heading);
    y += draw_text(cr, "<b>" + escape(item.heading) + "</b>",
                   {a.x + pad, y, inner, a.h * 0.3, 36 * s, 18 * s, false, align}, t) +
         8 * s;
  }
  if (!item.text.empty()) {
    set_color(cr, c.text);
    draw_text(cr, escape(item.text), {a.x + pad, y, inner, a.y + a.h - pad - y, 28 * s, 14 * s, false, align}, t);
  }
}

// Cards in a grid of `cols` columns, no taller than reads well; `lead(i)`
// gives card i's big lead text.
template <typename Lead>
void draw_grid(cairo_t* cr, const std::vector<BodyItem>& items, int cols, PangoAlignment align, const Area& a,
               double s, const LayoutColors& c, TextTrouble& t, Lead&& lead) {
  const int n = static_cast<int>(items.size());
  const int rows = (n + cols - 1) / cols;
  const double gap = 28 * s;
  const double w = (a.w - gap * (cols - 1)) / cols;
  const double h = std::min((a.h - gap * (rows - 1)) / rows, 420 * s);
  for (int i = 0; i < n; ++i) {
    const Area cell{a.x + (i % cols) * (w + gap), a.y + (i / cols) * (h + gap), w, h};
    draw_card(cr, cell, lead(i), items[i], align, s, c, t);
  }
}

// A horizontal axis with a dot per step: the heading above, the text below.
void draw_timeline(cairo_t* cr, const std::vector<BodyItem>& steps, const Area& a, double s,
                   const LayoutColors& c, TextTrouble& t) {
  const int n = static_cast<int>(steps.size());
  const double axis_y = a.y + a.h * 0.35, slot = a.w / n;
  set_color(cr, c.accent, 0.6);
  cairo_rectangle(cr, a.x, axis_y - 3 * s, a.w, 6 * s);
  cairo_fill(cr);
  for (int i = 0; i < n; ++i) {
    const double cx = a.x + slot * (i + 0.5), w = slot - 24 * s;
    set_color(cr, c.accent);
    cairo_arc(cr, cx, axis_y, 16 * s, 0, 2 * M_PI);
    cairo_fill(cr);
    set_color(cr, c.heading);
    const double above = axis_y - 40 * s - a.y;
    draw_text(cr, "<b>" + escape(steps[i].heading) + "</b>",
              {cx - w / 2, a.y, w, above, 40 * s, 18 * s, false, PANGO_ALIGN_CENTER, 1.0, true}, t);
    set_color(cr, c.text);
    draw_text(cr, escape(steps[i].text),
              {cx - w / 2, axis_y + 40 * s, w, a.y + a.h - axis_y - 40 * s, 30 * s, 14 * s, false, PANGO_ALIGN_CENTER},
              t);
  }
}

void draw_pyramid(cairo_t* cr, const std::vector<BodyItem>& items, const Area& a, double s,
                  const LayoutColors& c, TextTrouble& t) {
  const int n = static_cast<int>(items.size());
  const double gap = 12 * s, h = (a.h - gap * (n - 1)) / n;
  for (int i = 0; i < n; ++i) {
    const double w = a.w * (0.45 + 0.55 * (n == 1 ? 1.0 : double(i) / (n - 1)));
    const Area bar{a.x + (a.w - w) / 2, a.y + i * (h + gap), w, h};
    set_color(cr, c.accent, 0.25 + 0.5 * (n - i) / n);
    rounded_rect(cr, bar.x, bar.y, bar.w, bar.h, 10 * s);
    cairo_fill(cr);
    std::string markup = "<b>" + escape(items[i].heading) + "</b>";
    if (!items[i].text.empty()) markup += (items[i].heading.empty() ? "" : "  \u2014  ") + escape(items[i].text);
    set_color(cr, c.heading);
    draw_text(cr, markup, {bar.x + 24 * s, bar.y + 10 * s, bar.w - 48 * s, bar.h - 20 * s, 30 * s, 14 * s,
                           false, PANGO_ALIGN_CENTER, 1.0, true},
              t);
  }
}

// One column of a two-column body: a heading over markup, and optionally a
// picture (named by an image prop) filling the column's lower part.
struct Column {
  std::string heading, markup, picture_prop;
};

void draw_columns(cairo_t* cr, const std::vector<Column>& columns, const std::vector<double>& shares,
                  const Area& a, double s, const LayoutColors& c, const PictureDrawer& picture,
                  TextTrouble& t) {
  const double gap = 60 * s;
  double x = a.x;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& col = columns[i];
    const double w = (a.w - gap * (columns.size() - 1)) * shares[i];
    double bottom = a.y + a.h;
    if (!col.picture_prop.empty()) {
      const double h = col.markup.empty() ? a.h * 0.75 : a.h * 0.5;
      picture(col.picture_prop, {x, bottom - h, w, h});
      bottom -= h + 24 * s;
    }
    double y = a.y;
    if (!col.heading.empty()) {
      set_color(cr, c.accent);
      y += draw_text(cr, "<b>" + escape(col.heading) + "</b>", {x, y, w, a.h * 0.25, 40 * s, 20 * s}, t) + 16 * s;
    }
    set_color(cr, c.text);
    draw_text(cr, col.markup, {x, y, w, bottom - y, 38 * s, 14 * s, false, PANGO_ALIGN_LEFT, 1.3}, t);
    x += w + gap;
  }
}

// `mark` "#" numbers the entries, the first one `first_number` + 1.
std::string list_markup(const std::vector<BodyItem>& items, const std::string& mark, int first_number = 0) {
  std::string m;
  int number = first_number;
  for (const auto& item : items) {
    if (!m.empty()) m += "\n";
    m += mark == "#" ? std::to_string(++number) + ". " : mark + "  ";
    if (!item.heading.empty()) m += "<b>" + escape(item.heading) + "</b>" + (item.text.empty() ? "" : " \u2014 ");
    m += escape(item.text);
  }
  return m;
}

std::vector<double> column_shares(const std::string& ratio) {
  for (const auto& [name, left] : std::vector<std::pair<std::string, double>>{
           {"50-50", .5}, {"60-40", .6}, {"40-60", .4}, {"70-30", .7}, {"30-70", .3}})
    if (ratio == name) return {left, 1 - left};
  return {.5, .5};
}

}  // namespace

bool draw_structured_body(cairo_t* cr, const Slide& slide, const Area& area, double s,
                          const LayoutColors& c, const PictureDrawer& picture, TextTrouble& t) {
  const auto& p = slide.props;
  const std::string& id = slide.template_id;
  if (!text_of(p, "content").empty() && id != "two-column") return false;  // keep free text visible
  auto none = [](int) { return std::string(); };
  if (id == "four-box-grid") {
    const auto boxes = list_items(p, "boxes");
    if (boxes.empty()) return false;
    draw_grid(cr, boxes, boxes.size() <= 4 ? 2 : 3, PANGO_ALIGN_LEFT, area, s, c, t, none);
    return true;
  }
  if (id == "process-steps") {
    const auto steps = list_items(p, "steps");
    if (steps.empty()) return false;
    const int cols = std::min<int>(static_cast<int>(steps.size()), 4);
    draw_grid(cr, steps, cols, PANGO_ALIGN_LEFT, area, s, c, t, [](int i) { return std::to_string(i + 1); });
    return true;
  }
  if (id == "timeline") {
    const auto steps = list_items(p, "steps");
    if (steps.empty()) return false;
    if (steps.size() > 6) {
      draw_grid(cr, steps, 4, PANGO_ALIGN_LEFT, area, s, c, t, none);
    } else {
      draw_timeline(cr, steps, area, s, c, t);
    }
    return true;
  }
  if (id == "big-numbers") {
    auto items = list_items(p, "items");
    if (items.empty() || !p["items"].is_array()) return false;
    std::vector<std::string> values;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& raw = p["items"][i];
      values.push_back(raw.is_object() ? text_of(raw, "value") : "");
      if (!values.back().empty() && items[i].heading == values.back()) items[i].heading.clear();
    }
    draw_grid(cr, items, std::min<int>(static_cast<int>(items.size()), 4), PANGO_ALIGN_CENTER, area, s, c, t,
              [&](int i) { return values[i]; });
    return true;
  }
  if (id == "pyramid") {
    const auto items = list_items(p, "items");
    if (items.empty()) return false;
    draw_pyramid(cr, items, area, s, c, t);
    return true;
  }
  if (id == "two-column") {
    auto column = [&](const char* title, const char* content, const char* image) {
      return Column{text_of(p, title), escape(text_of(p, content)), text_of(p, image).empty() ? "" : image};
    };
    draw_columns(cr, {column("leftTitle", "leftContent", "leftImageUrl"),
                      column("rightTitle", "rightContent", "rightImageUrl")},
                 column_shares(text_of(p, "columnRatio")), area, s, c, picture, t);
    return true;
  }
  if (id == "challenges-solutions") {
    const std::string ct = text_of(p, "challengesTitle"), st = text_of(p, "solutionsTitle");
    draw_columns(cr, {{ct.empty() ? "Challenges" : ct, list_markup(list_items(p, "challenges"), "\u2717"), ""},
                      {st.empty() ? "Solutions" : st, list_markup(list_items(p, "solutions"), "\u2713"), ""}},
                 {.5, .5}, area, s, c, picture, t);
    return true;
  }
  if (id == "bullet-points" && p.contains("maxColumns") && p["maxColumns"].is_number_integer()) {
    const int cols = std::clamp(p["maxColumns"].get<int>(), 1, 3);
    const auto bullets = list_items(p, "bullets");
    const std::string mark = extract_content(slide).bullet_mark;
    if (cols == 1 || bullets.size() < 2) return false;
    const std::size_t per = (bullets.size() + cols - 1) / cols;
    std::vector<Column> columns;
    for (std::size_t i = 0; i < bullets.size(); i += per)
      columns.push_back({"", list_markup({bullets.begin() + i, bullets.begin() + std::min(bullets.size(), i + per)}, mark, int(i)), ""});
    draw_columns(cr, columns, std::vector<double>(columns.size(), 1.0 / columns.size()), area, s, c, picture, t);
    return true;
  }
  return false;
}

}  // namespace deckd
