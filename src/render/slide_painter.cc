#include "render/slide_painter.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "render/presenter_layout.h"
#include "render/slide_layouts.h"
#include "render/text_box.h"
#include "render/slide_image.h"
#include "render/slide_content.h"

namespace deckd {
namespace {

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
  c.accent = color_prop(slide, "stepColor", c.accent, index, warnings);
  c.text = color_prop(slide, "contentColor", theme.text, index, warnings);
  c.text = color_prop(slide, "bulletColor", c.text, index, warnings);
  return c;
}

struct Box {
  double x, y, w, h;
};

// content-slide's `alignment`, hero-title-slide's `textAlign`.
PangoAlignment text_alignment(const Slide& slide) {
  for (const char* key : {"alignment", "textAlign"}) {
    auto it = slide.props.find(key);
    if (it == slide.props.end() || !it->is_string()) continue;
    if (*it == "center") return PANGO_ALIGN_CENTER;
    if (*it == "right") return PANGO_ALIGN_RIGHT;
  }
  return PANGO_ALIGN_LEFT;
}

bool shows_accent(const Slide& slide) {
  auto it = slide.props.find("showAccent");
  return it == slide.props.end() || !it->is_boolean() || it->get<bool>();
}

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

  const PangoAlignment align = text_alignment(slide);
  if (c.is_title_slide) {
    if (shows_accent(slide)) {
      const double bar = 140 * s;
      const double bar_x = align == PANGO_ALIGN_LEFT ? x : align == PANGO_ALIGN_CENTER ? x + (inner_w - bar) / 2
                                                                                         : x + inner_w - bar;
      set_color(cr, col.accent);
      cairo_rectangle(cr, bar_x, frame.y + frame.h * 0.30, bar, 10 * s);
      cairo_fill(cr);
    }
    double y = frame.y + frame.h * 0.34;
    set_color(cr, col.title);
    y += draw_text(cr, "<b>" + escape(c.title) + "</b>", {x, y, inner_w, frame.h * 0.34, 96 * s, 40 * s, false, align},
                   trouble);
    set_color(cr, col.subtitle);
    y += 24 * s + draw_text(cr, escape(c.subtitle),
                            {x, y + 24 * s, inner_w, frame.h * 0.18, 48 * s, 24 * s, false, align}, trouble);
    const std::string rest = body_markup(c);
    if (!rest.empty())
      draw_text(cr, rest, {x, y + 20 * s, inner_w, frame.y + frame.h - y - 200 * s, 36 * s, 18 * s, false, align},
                trouble);
  } else {
    if (frame.x == 0 && shows_accent(slide)) {
      set_color(cr, col.accent);
      cairo_rectangle(cr, 0, frame.y, 16 * s, frame.h);
      cairo_fill(cr);
    }
    double y = frame.y + margin_y;
    set_color(cr, col.title);
    y += draw_text(cr, "<b>" + escape(c.title) + "</b>", {x, y, inner_w, frame.h * 0.22, 68 * s, 32 * s, false, align},
                   trouble);
    if (!c.subtitle.empty()) {
      set_color(cr, col.subtitle, 0.85);
      y += 16 * s + draw_text(cr, escape(c.subtitle),
                              {x, y + 16 * s, inner_w, frame.h * 0.12, 40 * s, 22 * s, false, align}, trouble);
    }
    y += 48 * s;
    const Area body{x, y, inner_w, frame.y + frame.h - y - margin_y - (c.footer.empty() ? 0 : 60 * s)};
    auto picture = [&](const std::string& prop, const Area& a) {
      draw_image(cr, load_picture(slide, index, prop, warnings).get(), a.x, a.y, a.w, a.h, /*cover=*/false);
    };
    if (!draw_structured_body(cr, slide, body, s, {col.title, col.text, col.accent}, picture, trouble)) {
      set_color(cr, col.text);
      draw_text(cr, body_markup(c),
                {x, y, inner_w, body.h - 40 * s, 42 * s, 18 * s, false, align, 1.25}, trouble);
    }
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

CairoSurface SlidePainter::load_picture(const Slide& slide, int index, const std::string& prop,
                                        std::vector<std::string>& warnings) const {
  const std::string ref = text_prop(slide, {prop.c_str()});
  if (ref.empty()) return nullptr;
  LoadedImage img = load_slide_image(ref, asset_dir_);
  if (!img.problem.empty())
    warnings.push_back("slide " + std::to_string(index + 1) + ": " + prop + " " + img.problem +
                       "; drew a placeholder");
  return std::move(img.surface);
}

void SlidePainter::draw_pictures(cairo_t* cr, const Slide& slide, int index, double s, const Rgb& background,
                                 std::vector<std::string>& warnings) const {
  if (CairoSurface bg = load_picture(slide, index, "backgroundImage", warnings)) {
    draw_image(cr, bg.get(), 0, 0, width_, height_, /*cover=*/true);
    set_color(cr, background, 0.55);  // keeps text legible on any photo
    cairo_paint(cr);
  }
  Box frame{0, 0, double(width_), double(height_)};
  if (auto slot = image_slot(slide, frame, s)) {
    const std::string prop = text_prop(slide, {"imageUrl"}).empty() ? "imagePath" : "imageUrl";
    const bool full_bleed = slide.template_id == "big-image-left" || slide.template_id == "big-image-top";
    draw_image(cr, load_picture(slide, index, prop, warnings).get(), slot->x, slot->y, slot->w, slot->h, full_bleed);
  }
  draw_avatar(cr, slide, index, warnings);
}

void SlidePainter::draw_avatar(cairo_t* cr, const Slide& slide, int index, std::vector<std::string>& warnings) const {
  if (text_prop(slide, {"avatarPath"}).empty()) return;
  const Corner corner = slide.avatar_position ? parse_corner(*slide.avatar_position).value_or(Corner::kBottomRight)
                                              : Corner::kBottomRight;
  if (corner == Corner::kHidden) return;
  const double d = height_ * 0.26, m = height_ * 0.04;
  const bool left = corner == Corner::kTopLeft || corner == Corner::kBottomLeft;
  const bool top = corner == Corner::kTopLeft || corner == Corner::kTopRight;
  const double x = left ? m : width_ - m - d, y = top ? m : height_ - m - d;
  cairo_save(cr);
  cairo_arc(cr, x + d / 2, y + d / 2, d / 2, 0, 2 * M_PI);
  cairo_clip(cr);
  draw_image(cr, load_picture(slide, index, "avatarPath", warnings).get(), x, y, d, d, /*cover=*/true);
  cairo_restore(cr);
}

}  // namespace deckd
