// Table recovery for the importer's attendance reader: tables a converter
// flattened to runs of text are cut back into their entries. Internal to
// the library.
#pragma once

#include <samverkan/version.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

/// A given name common in Sweden ("Anna", "Jan-Olof"), from the lexicon
/// data/lexicon/given_names_sv.txt compiled into the library. Case as written.
bool is_given_name(std::string_view word);

/// Entries delimited by closing marks, "Eva Holm (5) Omar Said (5) Lars Ek
/// (7)" or "Anna Berg (S) Per Lind (M)": each mark ends an entry and stays
/// with it. Empty unless at least two marks delimit entries.
std::vector<std::string> split_at_marks(std::string_view run);

/// A run of organisations written one after the other ("Region Uppsala
/// Region Uppsala Uppsala kommun Akademiska sjukhuset, Region Uppsala"),
/// cut by their forms: "Region X" and "Landstinget X" start one; "kommun",
/// "sjukhus", "förbund", "AB", "Group", "Partners", "Consulting", "Stad"
/// ... end one; a comma after one joins the next to it. Empty when a part
/// is not an organisation.
std::vector<std::string> split_organisations(std::string_view run);

/// A run of names ("Annika Berglund, ordförande Petter Lindh Sara Ekholm")
/// cut into `count` entries, each a name with what its comma adds
/// ("Annika Berglund, ordförande"). Each name has two to four capitalised
/// words; given names from the lexicon choose between cuts. Empty when the
/// run cannot be cut into `count` names. A word "|" marks where a name
/// surely ends (a party mark stood there).
std::vector<std::string> split_names(std::string_view run, std::size_t count);

/// split_names() for a run with party marks after some names ("Maria Sten
/// (S) Jelena Kovač Rolf Axén (V)"): each mark ends a name, and each name
/// keeps its mark. Empty when the run has no party mark or cannot be cut.
std::vector<std::string> split_names_marked(std::string_view run, std::size_t count);

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
