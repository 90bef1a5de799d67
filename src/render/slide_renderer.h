// render_slide_png draws one slide into a PNG file at the frame size,
// atomically: the file at `path` is either the whole image or absent.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "render/slide_painter.h"

namespace deckd {

// Throws std::runtime_error when cairo fails (its errors are sticky, so the
// status is checked once, after drawing) and std::system_error on I/O.
void render_slide_png(const SlidePainter& painter, const Slide& slide, int index, int width,
                      int height, const std::filesystem::path& path,
                      std::vector<std::string>& warnings);

// Lays the slide out without rasterizing it, only to learn its warnings: a
// slide reused from an earlier attempt must still report them.
void collect_slide_warnings(const SlidePainter& painter, const Slide& slide, int index,
                            std::vector<std::string>& warnings);

}  // namespace deckd
