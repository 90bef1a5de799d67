// Narrator speaks text into WAV files with espeak-ng, offline, and knows
// which voices espeak-ng has. Stateless; thread-safe.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "render/cancel_token.h"

namespace deckd {

// The voice names espeak-ng accepts as -v (language codes such as "en-us",
// "uk", "ru"), sorted. Runs `espeak-ng --voices`; throws ProcessError if it
// cannot.
std::vector<std::string> installed_voices();

// Speaks `text` in `voice` into a WAV at `wav_path`, written atomically.
// Throws Cancelled or ProcessError.
void speak_to_wav(const std::string& text, const std::string& voice,
                  const std::filesystem::path& wav_path, const CancelToken& cancel,
                  std::chrono::milliseconds timeout);

}  // namespace deckd
