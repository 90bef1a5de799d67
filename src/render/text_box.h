// Text on a slide: a markup block laid out by pango in a box, shrunk to fit
// and ellipsized at a minimum size, with what went wrong reported back.
#pragma once

#include <string>

#include <cairo.h>
#include <pango/pango.h>

#include "render/color.h"

namespace deckd {

// Where and how one block of text goes.
struct TextBox {
  double x, y, width, max_height;
  double size_px, min_size_px;
  bool bold = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double line_spacing = 1.0;
  bool center_vertically = false;  // in max_height, instead of from the top
};

// What went wrong while drawing a slide's text.
struct TextTrouble {
  bool cut = false;       // ellipsized
  bool no_glyph = false;  // a character no installed font can draw
};

// Lays out pango `markup` in `box`, shrinking the font until it fits and
// ellipsizing at the minimum size. Draws it in the current source color and
// returns the height used.
double draw_text(cairo_t* cr, const std::string& markup, const TextBox& box, TextTrouble& trouble);

// `text` escaped for pango markup.
std::string escape(const std::string& text);

void set_color(cairo_t* cr, const Rgb& c, double alpha = 1.0);

}  // namespace deckd
