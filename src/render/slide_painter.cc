#include "render/slide_painter.h"

#include <algorithm>
#include <cmath>

#include "render/cairo_handles.h"
#include "render/slide_content.h"

namespace deckd {
namespace {

constexpr const char* kFontFamily = "DejaVu Sans, Noto Sans, Noto Sans CJK SC, sans-serif";

std::string escape(const std::string& text) {
  char* e = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
  std::string out(e);
  g_free(e);
  return out;
}

void set_color(cairo_t* cr, const Rgb& c, double alpha = 1.0) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

// Where and how one block of text goes.
struct TextBox {
  double x, y, width, max_height;
  double size_px, min_size_px;
  bool bold = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double line_spacing = 1.0;
};

// What went wrong while drawing a slide's text.
struct TextTrouble {
  bool cut = false;       // ellipsized
  bool no_glyph = false;  // a character no installed font can draw
};

// Lays out `markup` in `box`, shrinking the font until it fits and
// ellipsizing at the minimum size. Draws it and returns the height used.
double draw_text(cairo_t* cr, const std::string& markup, const TextBox& box, TextTrouble& trouble) {
  PangoLayoutPtr layout(pango_cairo_create_layout(cr));
  pango_layout_set_width(layout.get(), static_cast<int>(box.width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), box.align);
  pango_layout_set_markup(layout.get(), markup.c_str(), -1);
  FontDescription font(pango_font_description_from_string(kFontFamily));
  pango_font_description_set_weight(font.get(), box.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  int w = 0, h = 0;
  for (double size = box.size_px;; size = std::max(box.min_size_px, size * 0.92)) {
    pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_spacing(layout.get(), static_cast<int>(size * (box.line_spacing - 1.0) * PANGO_SCALE));
    pango_layout_get_pixel_size(layout.get(), &w, &h);
    if (h <= box.max_height) break;
    if (size <= box.min_size_px) {
      pango_layout_set_height(layout.get(), static_cast<int>(box.max_height * PANGO_SCALE));
      pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size(layout.get(), &w, &h);
      trouble.cut = trouble.cut || pango_layout_is_ellipsized(layout.get());
      break;
    }
  }
  trouble.no_glyph = trouble.no_glyph || pango_layout_get_unknown_glyphs_count(layout.get()) > 0;
  cairo_move_to(cr, box.x, box.y);
  pango_cairo_show_layout(cr, layout.get());
  return h;
}

std::string body_markup(const SlideContent& c) {
  std::string m;
  int number = 0;
  for (const auto& item : c.body) {
    if (!m.empty()) m += "\n";
    if (item.bullet) {
      m += c.bullet_mark == "#" ? std::to_string(++number) + ". " : c.bullet_mark + "  ";
    }
    if (!item.heading.empty()) {
      m += "<b>" + escape(item.heading) + "</b>";
      if (!item.text.empty()) m += item.bullet ? " \u2014 " : "\n";
    }
    m += escape(item.text);
  }
  return m;
}

// A color prop: the theme's when absent, and a warning when unparsable.
Rgb color_prop(const Slide& slide, const char* key, const Rgb& fallback, int index,
               std::vector<std::string>& warnings) {
  auto it = slide.props.find(key);
  if (it == slide.props.end() || it->is_null()) return fallback;
  if (it->is_string()) {
    if (auto c = parse_css_hex(it->get<std::string>())) return *c;
  }
  warnings.push_back("slide " + std::to_string(index + 1) + ": " + key + " " + it->dump() +
                     " is not a CSS hex color (#rgb or #rrggbb); used the theme color");
  return fallback;
}

}  // namespace

SlidePainter::SlidePainter(Theme theme, int width, int height)
    : theme_(std::move(theme)), width_(width), height_(height) {}

void SlidePainter::paint(cairo_t* cr, const Slide& slide, int index,
                         std::vector<std::string>& warnings) const {
  const SlideContent c = extract_content(slide);
  const double s = std::min(width_ / 1920.0, height_ / 1080.0);  // scale of a 1080p design
  const Rgb bg = color_prop(slide, "backgroundColor", theme_.background, index, warnings);
  const Rgb title_color = color_prop(slide, "titleColor", theme_.title, index, warnings);
  const Rgb subtitle_color = color_prop(slide, "subtitleColor", theme_.text, index, warnings);
  const Rgb accent = color_prop(slide, "accentColor", theme_.accent, index, warnings);
  Rgb text_color = color_prop(slide, "contentColor", theme_.text, index, warnings);
  text_color = color_prop(slide, "bulletColor", text_color, index, warnings);

  set_color(cr, bg);
  cairo_paint(cr);

  const double margin_x = 110 * s, margin_y = 90 * s;
  const double inner_w = width_ - 2 * margin_x;
  TextTrouble trouble;

  if (c.is_title_slide) {
    set_color(cr, accent);
    cairo_rectangle(cr, margin_x, height_ * 0.30, 140 * s, 10 * s);
    cairo_fill(cr);
    double y = height_ * 0.34;
    set_color(cr, title_color);
    y += draw_text(cr, "<b>" + escape(c.title) + "</b>",
                   {margin_x, y, inner_w, height_ * 0.34, 96 * s, 40 * s}, trouble);
    set_color(cr, subtitle_color);
    y += 24 * s + draw_text(cr, escape(c.subtitle),
                            {margin_x, y + 24 * s, inner_w, height_ * 0.18, 48 * s, 24 * s}, trouble);
    std::string rest = body_markup(c);
    if (!rest.empty())
      y += 20 * s + draw_text(cr, rest, {margin_x, y + 20 * s, inner_w, height_ - y - 200 * s,
                                         36 * s, 18 * s}, trouble);
  } else {
    set_color(cr, accent);
    cairo_rectangle(cr, 0, 0, 16 * s, height_);
    cairo_fill(cr);
    double y = margin_y;
    set_color(cr, title_color);
    y += draw_text(cr, "<b>" + escape(c.title) + "</b>",
                   {margin_x, y, inner_w, height_ * 0.22, 68 * s, 32 * s}, trouble);
    if (!c.subtitle.empty()) {
      set_color(cr, subtitle_color, 0.85);
      y += 16 * s + draw_text(cr, escape(c.subtitle),
                              {margin_x, y + 16 * s, inner_w, height_ * 0.12, 40 * s, 22 * s}, trouble);
    }
    y += 48 * s;
    set_color(cr, text_color);
    draw_text(cr, body_markup(c),
              {margin_x, y, inner_w, height_ - y - margin_y - 40 * s, 42 * s, 18 * s, false,
               PANGO_ALIGN_LEFT, 1.25},
              trouble);
  }
  if (!c.footer.empty()) {
    set_color(cr, subtitle_color, 0.8);
    draw_text(cr, escape(c.footer),
              {margin_x, height_ - margin_y - 30 * s, inner_w, 60 * s, 30 * s, 16 * s}, trouble);
  }
  if (trouble.cut)
    warnings.push_back("slide " + std::to_string(index + 1) +
                       ": text was too long to fit and was shortened with an ellipsis");
  if (trouble.no_glyph)
    warnings.push_back("slide " + std::to_string(index + 1) +
                       ": some characters have no glyph in the installed fonts and show as boxes");
}

}  // namespace deckd
