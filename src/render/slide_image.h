// Images on slides (slides.md "Images"): a data: URL holding a PNG or JPEG,
// or a file under the operator's asset directory. Nothing else is read: no
// absolute paths, no "..", no http(s). An image that cannot be used is not a
// failure: the caller draws a placeholder and records the returned problem.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "render/cairo_handles.h"

namespace deckd {

struct LoadedImage {
  CairoSurface surface;  // set iff problem is empty
  std::string problem;   // why the image could not be used
};

// REQUIRES: `ref` is the prop's value. `asset_dir` may be empty (no assets).
LoadedImage load_slide_image(const std::string& ref, const std::filesystem::path& asset_dir);

// Draws `image` scaled to fit inside the box (cover: fill it, cropping; else
// contain: whole image, centred). With no image, a neutral placeholder.
void draw_image(cairo_t* cr, cairo_surface_t* image, double x, double y, double w, double h, bool cover);

}  // namespace deckd
