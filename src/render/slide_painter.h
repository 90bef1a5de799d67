// SlidePainter draws one slide onto a cairo context, scaled to the frame so a
// slide looks the same at 1280x720 and 3840x2160. The same code draws PNG
// frames and PDF pages. Text is shaped and wrapped by pango; text that does
// not fit shrinks to a minimum size, then is ellipsized with a warning.
// Immutable after construction; safe to share across threads.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <cairo.h>

#include "jobs/presentation.h"
#include "render/cairo_handles.h"
#include "render/theme.h"

namespace deckd {

class SlidePainter {
 public:
  // Images named by props are read from `asset_dir` (or data: URLs).
  SlidePainter(Theme theme, int width, int height, std::filesystem::path asset_dir = {});

  // Draws `slide` (number `index` + 1 of the deck) on `cr`, appending to
  // `warnings` whatever could not be shown as asked (bad color, text cut).
  void paint(cairo_t* cr, const Slide& slide, int index,
             std::vector<std::string>& warnings) const;

 private:
  // Draws the background image and the template's picture slot.
  void draw_pictures(cairo_t* cr, const Slide& slide, int index, double s, const Rgb& background,
                     std::vector<std::string>& warnings) const;

  // The presenter picture (props.avatarPath) as a round inset in the corner
  // the slide's avatarPosition names.
  void draw_avatar(cairo_t* cr, const Slide& slide, int index, std::vector<std::string>& warnings) const;

  // The image that prop `prop` names; null, with a warning, when it can't be
  // used, and null without one when the prop is absent.
  CairoSurface load_picture(const Slide& slide, int index, const std::string& prop,
                            std::vector<std::string>& warnings) const;

  const Theme theme_;
  const int width_;
  const int height_;
  const std::filesystem::path asset_dir_;
};

}  // namespace deckd
