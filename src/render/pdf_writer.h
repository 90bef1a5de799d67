// write_deck_pdf draws every slide as one PDF page with the same SlidePainter
// that draws the PNGs, so the PDF has real (selectable, searchable) text.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "jobs/presentation.h"
#include "render/cancel_token.h"
#include "render/slide_painter.h"

namespace deckd {

// Writes the PDF atomically at `path`. Throws Cancelled, std::runtime_error
// when cairo fails, std::system_error on I/O.
void write_deck_pdf(const Presentation& deck, const SlidePainter& painter,
                    const std::filesystem::path& path, const CancelToken& cancel);

}  // namespace deckd
