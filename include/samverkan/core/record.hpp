// What every record carries besides its own fields.
#pragma once

#include <samverkan/version.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>

SAMVERKAN_BEGIN_NAMESPACE

/// Data this version of samverkan does not know, kept so that it survives a
/// round trip through any format. Keys are free text; "source.*" is reserved
/// for importers.
using Extensions = std::map<std::string, std::string>;

/// Where a fact was read: the source document and its line span (one-based,
/// inclusive). A record made by hand has none.
struct Provenance {
  std::string document;
  std::size_t first_line = 0;
  std::size_t last_line = 0;

  friend bool operator==(const Provenance&, const Provenance&) = default;
};

SAMVERKAN_END_NAMESPACE
