// Scanners the minutes parser uses on single lines: dates, amounts, times,
// and guesses about whether a phrase names a person or an organisation.
// Internal to the library. Hand-written rather than std::regex: std::regex
// recurses per character and can exhaust the stack on one long line, and
// no input may crash the importer.
#pragma once

#include <samverkan/core/date.hpp>
#include <samverkan/core/money.hpp>
#include <samverkan/model/organisation.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

/// Lower-cases ASCII and the two-byte Latin-1 capitals (Å, Ä, Ö, É ...) in
/// place, so byte offsets in the result are offsets in the input.
std::string lower(std::string_view text);
/// lower() of `size` bytes at `text`, in place.
void lower_in_place(char* text, std::size_t size) noexcept;

/// The words of a phrase, split at white space.
std::vector<std::string_view> words(std::string_view text);

/// A word before an amount that makes it approximate ("ca", "cirka",
/// "drygt", ...), in lower case.
bool is_approximation_word(std::string_view lowered) noexcept;

/// A lower-case word that names a job ("socialchef", "förvaltningschef",
/// "nämndsekreterare", "controller", "utvecklingsstrateg"): Swedish job
/// titles are compounds, so the word's ending decides.
bool is_job_title_word(std::string_view lowered) noexcept;

/// A title written as its initials in Swedish care: "MAS" (medicinskt
/// ansvarig sjuksköterska), "MAR", "MAS/MAR", "SAS", "MAL"; lower case.
bool is_title_acronym(std::string_view lowered) noexcept;

/// "MAS Kalmar kommun", "chefläkare Region Kalmar län", "medicinskt ansvarig
/// sjuksköterska Vimmerby kommun": a title and then, with no comma or "vid",
/// the organisation. The title and the organisation, or nullopt.
std::optional<std::pair<std::string_view, std::string_view>> title_then_organisation(std::string_view part);

bool starts_upper(std::string_view word) noexcept;
bool starts_lower(std::string_view word) noexcept;
/// Every letter a capital: "VGR", "SKR", "RÖ".
bool all_caps(std::string_view word) noexcept;
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// Starts with `prefix` (already lower case), ignoring case, and the prefix
/// ends at a word boundary.
bool starts_with_word(std::string_view lowered, std::string_view prefix) noexcept;
/// Position of `word` (lower case) in `lowered` at word boundaries, or npos.
std::size_t find_word(std::string_view lowered, std::string_view word, std::size_t from = 0) noexcept;

/// Removes trailing punctuation and space: "Anna Berg," -> "Anna Berg".
std::string_view strip_punct(std::string_view text) noexcept;

struct FoundDate {
  Date date;
  std::size_t begin = 0;
  std::size_t end = 0;
  /// The text gave no year; `date` has the year passed to find_dates().
  bool year_inferred = false;
};
/// Every date written in the text: ISO, "10 mars 2022", "den 27 september",
/// "28.10.2024", "25/11", "24 och 25 mars". Dates without a year need
/// `year`; impossible dates are skipped.
std::vector<FoundDate> find_dates(std::string_view text, std::optional<int> year);
/// find_dates() of a text already lower-cased (a Line's low()): no copy.
std::vector<FoundDate> find_dates_lowered(std::string_view low, std::optional<int> year);

struct FoundAmount {
  Money money;
  std::size_t begin = 0;
  std::size_t end = 0;
  /// Digit groups that do not make a number ("1 61000 000 000 kronor"):
  /// `money` is not set, and the span should become a warning.
  bool irregular = false;
};
/// Every amount of money: "1 280 000 000 kronor", "ca 25 000 000 kr",
/// "3,5 mnkr", "150 tkr", "fyra miljoner kronor", "två miljarder".
std::vector<FoundAmount> find_amounts(std::string_view text);
/// find_amounts() of a text already lower-cased (a Line's low()): no copy.
std::vector<FoundAmount> find_amounts_lowered(std::string_view low);

struct FoundTimes {
  TimeOfDay start;
  std::optional<TimeOfDay> end;
  /// The span read, "kl." included.
  std::size_t begin = 0;
  std::size_t stop = 0;
};
/// The first time or time range: "09.00-15:00", "kl. 13.00–16.00", "kl 9".
/// `bare_hours`: the text is the value of a time label ("Tid: 9–12"), so an
/// hour alone is a time there, as after "kl".
std::optional<FoundTimes> find_times(std::string_view text, bool bare_hours = false);

/// Two to five capitalised words with no organisation word among them:
/// "Lise-Lotte Bensköld Olsson", "Karolina Wedne Lindberg", "Jan af Klint".
bool looks_like_person(std::string_view phrase);
/// Names an organisation or body by its words ("Region Halland",
/// "Göteborgs Stad", "Skaraborgs kommunalförbund", "SKR", "VästKom").
bool looks_like_organisation(std::string_view phrase);
/// A best guess from the name; `other` when nothing says.
OrganisationKind guess_kind(std::string_view name);

/// The key two spellings of one region share: "Region Västra Götaland",
/// "Västra Götalandsregionen" and "Landstinget i Västra Götaland" all give
/// "västra götaland". Empty when the name does not look like a region's.
std::string region_core(std::string_view name);
/// Acronyms a name is written as: "Västra Götalandsregionen" -> {"vgr"},
/// "Sveriges Kommuner och Regioner" -> {"skr", "skor"}. Lower case.
std::vector<std::string> acronyms(std::string_view name);

/// Splits a list of names: "A, B och C" -> {"A", "B", "C"}; also at ';',
/// tabs and " samt ". Parenthesised parts stay with their name.
std::vector<std::string> split_list(std::string_view text);

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
