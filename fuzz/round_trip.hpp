// Round-trip oracles shared by the fuzz targets: whatever a loader accepts
// must be written again by the writers and read back as an equal value.
// A loader that accepts what no writer writes (a date outside 1-9999, text
// nested too deeply to write) or a writer whose output does not load is a
// finding, not just a crash. Violations print what failed and abort.
//
// NaN equals NaN here: a measured value or a threshold may be NaN, and ==
// would call every such record changed.
#pragma once

#include <samverkan/corpus.hpp>
#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzz {

[[noreturn]] inline void fail(std::string_view type, std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz: %.*s: %.*s%s%.*s\n", static_cast<int>(type.size()), type.data(),
               static_cast<int>(what.size()), what.data(), detail.empty() ? "" : ": ",
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

// Doubles that are both NaN are set to 0 in copies of both sides, so that
// == compares everything else as usual.
inline void same_nan(double& a, double& b) {
  if (std::isnan(a) && std::isnan(b)) a = b = 0;
}

template <class T>
void align_nans(T&, T&) {}

inline void align_nans(samverkan::Indicator& a, samverkan::Indicator& b) {
  for (std::size_t i = 0; i < std::min(a.targets.size(), b.targets.size()); ++i)
    same_nan(a.targets[i].value, b.targets[i].value);
  for (std::size_t i = 0; i < std::min(a.observations.size(), b.observations.size()); ++i)
    same_nan(a.observations[i].value, b.observations[i].value);
}

inline void align_nans(samverkan::Agreement& a, samverkan::Agreement& b) {
  for (std::size_t i = 0; i < std::min(a.conditions.size(), b.conditions.size()); ++i)
    if (a.conditions[i].threshold && b.conditions[i].threshold)
      same_nan(a.conditions[i].threshold->value, b.conditions[i].threshold->value);
}

template <samverkan::corpus_record T>
bool equal(T a, T b) {
  align_nans(a, b);
  return a == b;
}

template <class T>
bool equal_tables(const samverkan::Corpus& a, const samverkan::Corpus& b) {
  const auto& ta = a.all<T>();
  const auto& tb = b.all<T>();
  if (ta.size() != tb.size()) return false;
  for (auto ia = ta.begin(), ib = tb.begin(); ia != ta.end(); ++ia, ++ib)
    if (!(ia->first == ib->first) || !equal(ia->second, ib->second)) return false;
  return true;
}

template <class... Ts>
bool equal_corpora(const samverkan::Corpus& a, const samverkan::Corpus& b, samverkan::type_list<Ts...>) {
  return (equal_tables<Ts>(a, b) && ...);
}

/// Corpus == with NaN equal to NaN.
inline bool equal(const samverkan::Corpus& a, const samverkan::Corpus& b) {
  return equal_corpora(a, b, samverkan::record_types{});
}

/// to_bytes of a value from_bytes (or any loader) accepted must succeed, and
/// from_bytes read it back equal: what unpickles must pickle again.
template <class T>
void check_bytes_round_trip(const T& value) {
  constexpr std::string_view name = samverkan::schema<T>::name;
  std::string bytes;
  try {
    bytes = samverkan::to_bytes(value);
  } catch (const samverkan::error& e) {
    fail(name, "a loader accepted a value that to_bytes refuses", e.what());
  }
  try {
    if (!equal(value, samverkan::from_bytes<T>(bytes))) fail(name, "to_bytes then from_bytes gives a different value");
  } catch (const samverkan::error& e) {
    fail(name, "from_bytes refuses what to_bytes wrote", e.what());
  }
}

// What a failure shows of the bytes written: JSON text, not binary archives.
inline std::string shown(samverkan::ArchiveFormat format, const std::string& bytes) {
  return format == samverkan::ArchiveFormat::json ? bytes : std::to_string(bytes.size()) + " bytes";
}

/// A loaded corpus saved in `format` must load back equal. For an archive
/// format the save must succeed; to_json may refuse (samverkan::error: text
/// that is not UTF-8, which archives can hold) unless `json_must_write` (the
/// corpus came from JSON).
inline void check_round_trip(const samverkan::Corpus& corpus, samverkan::ArchiveFormat format,
                             bool json_must_write = false) {
  const std::string name = "Corpus as " + std::string(samverkan::to_string(format));
  std::string bytes;
  try {
    bytes = format == samverkan::ArchiveFormat::json ? samverkan::to_json(corpus)
                                                      : samverkan::save_to_string(corpus, format);
  } catch (const samverkan::error& e) {
    if (format == samverkan::ArchiveFormat::json && !json_must_write) return;
    fail(name, "a loader accepted a corpus that the writer refuses", e.what());
  }
  try {
    if (!equal(corpus, samverkan::load_from_string(bytes, "fuzz")))
      fail(name, "writing then loading gives a different corpus", shown(format, bytes));
  } catch (const samverkan::error& e) {
    fail(name, "the loader refuses what the writer wrote", std::string(e.what()) + "\n" + shown(format, bytes));
  }
}

}  // namespace fuzz
