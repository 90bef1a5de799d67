// Structured bodies for the templates whose content is not a plain list:
// grids of boxes, step sequences, big numbers, a pyramid and two columns.
// Each draws every entry the props hold; text shrinks, then ellipsizes.
#pragma once

#include <functional>
#include <string>

#include <cairo.h>

#include "jobs/presentation.h"
#include "render/color.h"
#include "render/text_box.h"

namespace deckd {

struct Area {
  double x, y, w, h;
};

struct LayoutColors {
  Rgb heading, text, accent;
};

// Draws the picture that image prop `prop` names (a placeholder when it can't
// be loaded) fitted inside an area.
using PictureDrawer = std::function<void(const std::string& prop, const Area&)>;

// Draws the body of `slide` inside `area` (below its title) when its template
// has a structured layout, and returns true; returns false, drawing nothing,
// when the generic list layout should be used. `scale` is frame height / 1080.
bool draw_structured_body(cairo_t* cr, const Slide& slide, const Area& area, double scale,
                          const LayoutColors& colors, const PictureDrawer& picture, TextTrouble& trouble);

}  // namespace deckd
