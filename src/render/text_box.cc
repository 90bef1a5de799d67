#include "render/text_box.h"

#include <algorithm>

#include "render/cairo_handles.h"

namespace deckd {
namespace {

constexpr const char* kFontFamily = "DejaVu Sans, WenQuanYi Micro Hei, sans-serif";

}  // namespace

std::string escape(const std::string& text) {
  char* e = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
  std::string out(e);
  g_free(e);
  return out;
}

void set_color(cairo_t* cr, const Rgb& c, double alpha) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

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
  cairo_move_to(cr, box.x, box.center_vertically ? box.y + std::max(0.0, (box.max_height - h) / 2) : box.y);
  pango_cairo_show_layout(cr, layout.get());
  return h;
}

}  // namespace deckd
