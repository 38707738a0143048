// Private: the one registry of upgrades. Records read at an older schema
// version are brought up to the current one here, step by step, whatever
// format they came from: archives (serialize.hpp) and JSON documents
// (io_json.cpp) both call upgrade(record, version_read).
//
// Two tables, both keyed by type and target version:
//   upgrades<T>::steps  what turns a record of version N-1 into version N, when
//                       more than "new fields take their defaults" is needed;
//   json_steps          which schema versions each JSON layout version brought.
// docs/versioning.md says when to add to them.
#pragma once

#include <samverkan/io/schema.hpp>

#include <algorithm>
#include <array>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

/// One step: `apply` brings a record of version `to - 1` to version `to`.
template <class T>
struct upgrade_step {
  unsigned to;
  void (*apply)(T&);
};

/// The steps of type T in order of `to`; types without steps have none:
/// fields a version added simply keep their defaults.
template <class T>
struct upgrades {
  static constexpr std::array<upgrade_step<T>, 0> steps{};
};

template <>
struct upgrades<Organisation> {
  // Before organisation_number became a field, importers kept it in
  // extensions["organisationsnummer"].
  static void organisation_number_from_extensions(Organisation& r) {
    const auto it = r.extensions.find("organisationsnummer");
    if (it != r.extensions.end() && r.organisation_number.empty()) {
      r.organisation_number = it->second;
      r.extensions.erase(it);
    }
  }
  static constexpr std::array steps{upgrade_step<Organisation>{2, &organisation_number_from_extensions}};
};

/// Runs every step past `from`, in order, so a record of version 1 passes
/// through each step up to schema<T>::version.
template <class T>
void upgrade(T& record, unsigned from) {
  for (const auto& step : upgrades<T>::steps)
    if (from < step.to) step.apply(record);
}

/// A JSON layout version and a schema version of one type it introduced.
struct json_step {
  unsigned json_version;
  std::string_view type;
  unsigned schema_version;
};

/// JSON has one version for the whole document; these are the types whose
/// schema version it moved. Every type is at version 1 in layout 1.
inline constexpr std::array json_steps{
    json_step{2, "Organisation", 2},  // organisation_number
    json_step{3, "Attendance", 2},    // party
    json_step{3, "Decision", 2},      // procedural
    json_step{4, "ActionItem", 2},    // done_on, item_order
};

/// The schema version records of type T have in a JSON corpus document of
/// `document_version`.
template <class T>
constexpr unsigned version_in_json(unsigned document_version) {
  unsigned version = 1;
  for (const auto& step : json_steps)
    if (step.type == schema<T>::name && step.json_version <= document_version)
      version = std::max(version, step.schema_version);
  return version;
}

}  // namespace detail

SAMVERKAN_END_NAMESPACE
