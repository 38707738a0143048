// Helpers shared by the allocation sources; not installed.
#pragma once

#include <samverkan/allocate/programme.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate {
namespace detail {

using ordered_json = nlohmann::ordered_json;

/// "2 344 124": digits grouped by three with spaces, like Money::str().
std::string group_digits(std::int64_t value);
std::string group_digits_unsigned(std::uint64_t value);

/// {"ore": ..., "currency": "SEK"}, the form a saved corpus uses.
ordered_json money_json(const Money& m);

/// The whole result as a JSON object (see ProgrammeResult::to_json).
ordered_json programme_json(const ProgrammeResult& result);

/// Dumps with `indent` (< 0: one line), UTF-8 kept as is.
std::string dump_json(const ordered_json& j, int indent);

}  // namespace detail
}  // namespace allocate
SAMVERKAN_END_NAMESPACE
