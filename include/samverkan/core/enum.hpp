// Closed vocabularies: enums with a canonical English name, a Swedish name and
// the other spellings found in documents, converted both ways.
#pragma once

#include <samverkan/core/error.hpp>
#include <samverkan/core/text.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

/// One value of a vocabulary. `synonyms` lists further accepted spellings,
/// separated by '|'.
template <class E>
struct enum_entry {
  E value;
  std::string_view name;     ///< canonical English name, snake_case
  std::string_view swedish;  ///< the Swedish term used in documents
  std::string_view synonyms = {};
};

/// Specialised once per vocabulary with `type_name` and `entries`.
template <class E>
struct enum_traits;

template <class E>
concept vocabulary = requires {
  enum_traits<E>::type_name;
  enum_traits<E>::entries;
};

namespace detail {
template <class E>
constexpr const enum_entry<E>* find_entry(E value) noexcept {
  for (const auto& entry : enum_traits<E>::entries)
    if (entry.value == value) return &entry;
  return nullptr;
}

// '_' and '-' count as spaces so "vice_chair", "vice-chair" and "Vice chair" agree.
inline std::string fold_term(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced)
    if (c == '_' || c == '-') c = ' ';
  return fold(spaced);
}
}  // namespace detail

/// The canonical English name: to_string(AttendanceStatus::excused) == "excused".
template <vocabulary E>
constexpr std::string_view to_string(E value) noexcept {
  const auto* entry = detail::find_entry(value);
  return entry ? entry->name : std::string_view("?");
}

/// The Swedish term: swedish_name(AttendanceStatus::excused) == "förhinder".
template <vocabulary E>
constexpr std::string_view swedish_name(E value) noexcept {
  const auto* entry = detail::find_entry(value);
  return entry ? entry->swedish : std::string_view("?");
}

/// Every value of a vocabulary, in declaration order.
template <vocabulary E>
constexpr auto all_values() noexcept {
  std::array<E, enum_traits<E>::entries.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = enum_traits<E>::entries[i].value;
  return values;
}

/// Reads a value from its English name, Swedish term or a synonym, ignoring
/// case, surrounding space and the difference between ' ', '_' and '-'.
/// Returns nullopt when nothing matches.
template <vocabulary E>
std::optional<E> try_from_string(std::string_view text) {
  const std::string key = detail::fold_term(text);
  if (key.empty()) return std::nullopt;
  for (const auto& entry : enum_traits<E>::entries) {
    if (detail::fold_term(entry.name) == key || detail::fold_term(entry.swedish) == key) return entry.value;
    std::string_view rest = entry.synonyms;
    while (!rest.empty()) {
      const auto bar = rest.find('|');
      if (detail::fold_term(rest.substr(0, bar)) == key) return entry.value;
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  return std::nullopt;
}

/// As try_from_string, but throws parse_error naming the vocabulary, the text
/// and the accepted values:
///
///   from_string<MeetingForm>("Teams") == MeetingForm::teams
template <vocabulary E>
E from_string(std::string_view text) {
  if (auto value = try_from_string<E>(text)) return *value;
  std::string accepted;
  for (const auto& entry : enum_traits<E>::entries) {
    if (!accepted.empty()) accepted += ", ";
    accepted += std::string(entry.name) + " (" + std::string(entry.swedish) + ")";
  }
  throw parse_error("unknown " + std::string(enum_traits<E>::type_name) + " '" + std::string(text) +
                    "'; expected one of: " + accepted);
}

SAMVERKAN_END_NAMESPACE
