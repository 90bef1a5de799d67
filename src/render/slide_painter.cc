#include "render/slide_painter.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "render/cairo_handles.h"
#include "render/slide_image.h"
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

// The palette of one slide: props override the theme.
struct Colors {
  Rgb background, title, subtitle, accent, text;
};

Colors slide_colors(const Slide& slide, const Theme& theme, int index, std::vector<std::string>& warnings) {
  Colors c;
  c.background = color_prop(slide, "backgroundColor", theme.background, index, warnings);
  c.title = color_prop(slide, "titleColor", theme.title, index, warnings);
  c.subtitle = color_prop(slide, "subtitleColor", theme.text, index, warnings);
  c.accent = color_prop(slide, "accentColor", theme.accent, index, warnings);
  c.text = color_prop(slide, "contentColor", theme.text, index, warnings);
  c.text = color_prop(slide, "bulletColor", c.text, index, warnings);
  return c;
}

struct Box {
  double x, y, w, h;
};

std::string text_prop(const Slide& slide, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = slide.props.find(k);
    if (it != slide.props.end() && it->is_string() && !it->get<std::string>().empty()) return it->get<std::string>();
  }
  return "";
}

// Where a template puts its picture; the text gets the rest of `frame`.
// Returns nullopt for templates without one.
std::optional<Box> image_slot(const Slide& slide, Box& frame, double s) {
  const std::string& t = slide.template_id;
  const bool has_image = !text_prop(slide, {"imageUrl", "imagePath"}).empty();
  if (t == "big-image-left") {
    Box img{0, 0, frame.w * 0.45, frame.h};
    frame.x = img.w;
    frame.w -= img.w;
    return img;
  }
  if (t == "big-image-top") {
    Box img{0, 0, frame.w, frame.h * 0.5};
    frame.y = img.h;
    frame.h -= img.h;
    return img;
  }
  if (t == "bullet-points-right" || has_image) {
    const double w = frame.w * 0.38;
    Box img{frame.w - w - 80 * s, 120 * s, w, frame.h - 240 * s};
    frame.w -= w + 80 * s;
    return img;
  }
  return std::nullopt;
}

}  // namespace

SlidePainter::SlidePainter(Theme theme, int width, int height, std::filesystem::path asset_dir)
    : theme_(std::move(theme)), width_(width), height_(height), asset_dir_(std::move(asset_dir)) {}

void SlidePainter::paint(cairo_t* cr, const Slide& slide, int index,
                         std::vector<std::string>& warnings) const {
  const SlideContent c = extract_content(slide);
  const double s = std::min(width_ / 1920.0, height_ / 1080.0);  // scale of a 1080p design
  const Colors col = slide_colors(slide, theme_, index, warnings);
  set_color(cr, col.background);
  cairo_paint(cr);
  draw_pictures(cr, slide, index, s, col.background, warnings);

  Box frame{0, 0, double(width_), double(height_)};
  image_slot(slide, frame, s);
  const double margin_x = 110 * s, margin_y = 90 * s;
  const double x = frame.x + margin_x, inner_w = frame.w - 2 * margin_x;
  TextTrouble trouble;

  if (c.is_title_slide) {
    set_color(cr, col.accent);
    cairo_rectangle(cr, x, frame.y + frame.h * 0.30, 140 * s, 10 * s);
    cairo_fill(cr);
    double y = frame.y + frame.h * 0.34;
    set_color(cr, col.title);
    y += draw_text(cr, "<b>" + escape(c.title) + "</b>", {x, y, inner_w, frame.h * 0.34, 96 * s, 40 * s}, trouble);
    set_color(cr, col.subtitle);
    y += 24 * s + draw_text(cr, escape(c.subtitle), {x, y + 24 * s, inner_w, frame.h * 0.18, 48 * s, 24 * s}, trouble);
    const std::string rest = body_markup(c);
    if (!rest.empty())
      draw_text(cr, rest, {x, y + 20 * s, inner_w, frame.y + frame.h - y - 200 * s, 36 * s, 18 * s}, trouble);
  } else {
    if (frame.x == 0) {
      set_color(cr, col.accent);
      cairo_rectangle(cr, 0, frame.y, 16 * s, frame.h);
      cairo_fill(cr);
    }
    double y = frame.y + margin_y;
    set_color(cr, col.title);
    y += draw_text(cr, "<b>" + escape(c.title) + "</b>", {x, y, inner_w, frame.h * 0.22, 68 * s, 32 * s}, trouble);
    if (!c.subtitle.empty()) {
      set_color(cr, col.subtitle, 0.85);
      y += 16 * s + draw_text(cr, escape(c.subtitle), {x, y + 16 * s, inner_w, frame.h * 0.12, 40 * s, 22 * s}, trouble);
    }
    y += 48 * s;
    set_color(cr, col.text);
    draw_text(cr, body_markup(c),
              {x, y, inner_w, frame.y + frame.h - y - margin_y - 40 * s, 42 * s, 18 * s, false, PANGO_ALIGN_LEFT, 1.25},
              trouble);
  }
  if (!c.footer.empty()) {
    set_color(cr, col.subtitle, 0.8);
    draw_text(cr, escape(c.footer), {x, frame.y + frame.h - margin_y - 30 * s, inner_w, 60 * s, 30 * s, 16 * s}, trouble);
  }
  if (trouble.cut)
    warnings.push_back("slide " + std::to_string(index + 1) +
                       ": text was too long to fit and was shortened with an ellipsis");
  if (trouble.no_glyph)
    warnings.push_back("slide " + std::to_string(index + 1) +
                       ": some characters have no glyph in the installed fonts and show as boxes");
}

void SlidePainter::draw_pictures(cairo_t* cr, const Slide& slide, int index, double s, const Rgb& background,
                                 std::vector<std::string>& warnings) const {
  auto load = [&](const char* prop, const std::string& ref) -> CairoSurface {
    if (ref.empty()) return nullptr;
    LoadedImage img = load_slide_image(ref, asset_dir_);
    if (!img.problem.empty())
      warnings.push_back("slide " + std::to_string(index + 1) + ": " + prop + " " + img.problem +
                         "; drew a placeholder");
    return std::move(img.surface);
  };
  const std::string bg_ref = text_prop(slide, {"backgroundImage"});
  if (!bg_ref.empty()) {
    CairoSurface bg = load("backgroundImage", bg_ref);
    if (bg) {
      draw_image(cr, bg.get(), 0, 0, width_, height_, /*cover=*/true);
      set_color(cr, background, 0.55);  // keeps text legible on any photo
      cairo_paint(cr);
    }
  }
  Box frame{0, 0, double(width_), double(height_)};
  if (auto slot = image_slot(slide, frame, s)) {
    const std::string ref = text_prop(slide, {"imageUrl", "imagePath"});
    CairoSurface img = load("imageUrl", ref);
    const bool full_bleed = slide.template_id == "big-image-left" || slide.template_id == "big-image-top";
    draw_image(cr, img.get(), slot->x, slot->y, slot->w, slot->h, full_bleed);
  }
}

}  // namespace deckd
