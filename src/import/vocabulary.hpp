// The importer's Swedish vocabulary: word lists and phrases the stages use
// to recognise what a line or a mark says. One place, so that a word added
// for one layout is known to every stage. Internal to the library.
#pragma once

#include <samverkan/version.hpp>

#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

/// The party letters of a mark written after a member's name, "(S)",
/// "(KD)", "(MP)": the parties of the Riksdag and their older abbreviations.
/// The mark as written (trimmed); empty when it is not a party mark.
std::string_view party_mark(std::string_view mark) noexcept;

/// Page furniture: a line that carries a page number and nothing of the
/// record, "Sida 3 av 7", "Sida 3", "3 (7)", "3/7", "– 3 –", "- 3 -",
/// "Blad 2", "Page 2 of 5", or such a page number at the end of a
/// header or footer line after a tab ("Region X\t\tSida 1 av 2").
/// `low` is the lower-cased line.
bool is_page_number_line(std::string_view low) noexcept;

/// Lines that a protocol template prints on every page and that say
/// nothing of the record: "Justerandes sign", "Ordförandes sign\tJusterares
/// sign\tUtdragsbestyrkande". "Utdragsbestyrkande" alone is a label (the
/// certifier's name follows) and is no stamp.
bool is_page_stamp(std::string_view low) noexcept;

/// Decision phrases about the meeting itself rather than a matter:
/// the agenda approved, adjusters chosen, the previous minutes placed on
/// file. `low` is the lower-cased sentence.
bool is_procedural_decision(std::string_view low) noexcept;

/// Lower-cased first words of a compound's last part that follow a dash
/// kept at a line end ("hälso- och", "region-/kommun"): a word ending in
/// '-' followed by one of these is not hyphenated across lines.
bool is_compound_continuation(std::string_view low_word) noexcept;

/// A case number without the label it is written with: "Dnr HSN 2024/12",
/// "Dnr: RS 2024-00567", "Diarienummer SN 2023/4" give the number alone.
std::string_view case_number_value(std::string_view text) noexcept;

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
