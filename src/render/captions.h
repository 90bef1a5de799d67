// make_webvtt writes the narration as WebVTT captions: each slide's text is
// split into sentences, and each sentence gets a share of its slide's
// narration time in proportion to its length.
#pragma once

#include <string>

#include "jobs/presentation.h"
#include "render/timeline.h"

namespace deckd {

std::string make_webvtt(const Presentation& deck, const Timeline& timeline);

// "HH:MM:SS.mmm", as WebVTT wants.
std::string vtt_timestamp(double seconds);

}  // namespace deckd
