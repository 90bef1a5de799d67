// parse_presentation turns a request body (api.md PresentationRequest) into a
// Presentation, or into the list of what is wrong with it. Unknown fields are
// ignored and `null` means "use the default", as api.md requires.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jobs/presentation.h"

namespace deckd {

// One thing wrong with a request. `field` is a path such as
// "slidesData[3].props.title"; `message` says what to change.
struct FieldError {
  std::string field;
  std::string message;
};

struct ParsedPresentation {
  std::optional<Presentation> presentation;  // set iff errors is empty
  std::vector<FieldError> errors;
};

// REQUIRES: `body` came from nlohmann::json::parse (so strings are UTF-8).
ParsedPresentation parse_presentation(const nlohmann::json& body);

}  // namespace deckd
