#include "render/captions.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "jobs/utf8.h"

namespace deckd {
namespace {

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    current += (c == '\n' || c == '\r') ? ' ' : c;
    const bool end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
    if (end || c == '\n') {
      while (!current.empty() && current.front() == ' ') current.erase(0, 1);
      while (!current.empty() && current.back() == ' ') current.pop_back();
      if (!current.empty()) out.push_back(current);
      current.clear();
    }
  }
  while (!current.empty() && current.front() == ' ') current.erase(0, 1);
  while (!current.empty() && current.back() == ' ') current.pop_back();
  if (!current.empty()) out.push_back(current);
  return out;
}

// "-->" inside a cue would end its timing line; "&" and "<" start markup.
std::string escape_cue(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string vtt_timestamp(double seconds) {
  const long long ms = std::llround(seconds * 1000);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", ms / 3'600'000, ms / 60'000 % 60,
                ms / 1000 % 60, ms % 1000);
  return buf;
}

std::string make_webvtt(const Presentation& deck, const Timeline& timeline) {
  std::string vtt = "WEBVTT\n";
  int cue = 0;
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    const SlideTiming& t = timeline.slides[i];
    const auto parts = sentences(deck.slides[i].narration);
    if (parts.empty() || t.narration_seconds <= 0) continue;
    std::size_t total_chars = 0;
    for (const auto& p : parts) total_chars += utf8_length(p);
    double at = t.start_seconds();
    for (const auto& p : parts) {
      const double length = t.narration_seconds * double(utf8_length(p)) / double(total_chars);
      vtt += "\n" + std::to_string(++cue) + "\n" + vtt_timestamp(at) + " --> " +
             vtt_timestamp(at + length) + "\n" + escape_cue(p) + "\n";
      at += length;
    }
  }
  return vtt;
}

}  // namespace deckd
