// The outline stage of the importer: the classified lines of a record cut
// into sections (header, attendance lists, agenda items, the closing block,
// appended documents) with their line ranges, so that one reader per kind
// of section can read each. Internal to the library.
#pragma once

#include "classify.hpp"

#include <cstddef>
#include <string>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

/// What a section holds. `agenda`: the items listed by title before the
/// record takes them one by one.
enum class SectionKind { header, attendance, agenda, item, closing, annex };


/// One section: lines [first, last] (indices into the lines outlined).
struct Section {
  SectionKind kind = SectionKind::header;
  std::size_t first = 0;
  std::size_t last = 0;
  /// What opened it: the label of an attendance list ("Närvarande"), the
  /// item's number and title ("4 Budget"), the closing's first label.
  std::string heading;
};

/// Cuts a record into sections. Every non-blank line belongs to exactly one
/// section; sections are in document order and do not overlap. Linear.
std::vector<Section> outline(const Lines& lines, const Classified& classified);

/// The outline as text, one section a line ("item 4 «Budget» lines 21-30",
/// source line numbers): what the golden tests compare.
std::string describe(const Lines& lines, const Classified& classified,
                     const std::vector<Section>& sections);

/// The stages up to the outline on a whole document, for tests and tools:
/// lines, joined titles, classification, outline, described.
std::string describe_outline(std::string_view document);

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
