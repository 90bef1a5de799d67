// Building slides for render tests.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "jobs/presentation.h"

namespace deckd::test {

inline Slide slide(const std::string& template_id, nlohmann::json props) {
  Slide s;
  s.template_id = template_id;
  s.props = std::move(props);
  return s;
}

}  // namespace deckd::test
