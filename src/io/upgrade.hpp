// Private: the one place where records read at an older schema version are
// brought up to the current one, step by step. Archives (serialize.hpp) and
// JSON documents of an older version (io_json.cpp) both come through here.
//
// A step N -> N+1 is written once, below, as `if (from < N + 1) { ... }`;
// steps run in order, so a record read at version 1 passes through every step
// up to schema<T>::version.
#pragma once

#include <samverkan/io/schema.hpp>

#include <type_traits>

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

/// Types without steps: nothing to do.
template <class T>
void upgrade(T&, unsigned /*from*/) {}

// Organisation 1 -> 2: organisation_number became a field; before, importers
// kept it in extensions["organisationsnummer"].
inline void upgrade(Organisation& r, unsigned from) {
  if (from < 2) {
    const auto it = r.extensions.find("organisationsnummer");
    if (it != r.extensions.end() && r.organisation_number.empty()) {
      r.organisation_number = it->second;
      r.extensions.erase(it);
    }
  }
}

/// The schema version records of type T have in a JSON corpus document of
/// `document_version` (JSON has one version for the whole document).
template <class T>
unsigned version_in_json(unsigned document_version) {
  if constexpr (std::is_same_v<T, Organisation>) return document_version < 2 ? 1 : 2;
  if constexpr (std::is_same_v<T, Attendance> || std::is_same_v<T, Decision>) return document_version < 3 ? 1 : 2;
  return schema<T>::version;
}

}  // namespace detail

SAMVERKAN_END_NAMESPACE
